package org.onepro.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** Two parameters whose gradients are (3, 0) and (4): global norm 5. */
    private static PairList<String, Parameter> withGradients(NDManager m) {
        Parameter a = Parameter.builder().setName("a").setType(Parameter.Type.WEIGHT).build();
        Parameter b = Parameter.builder().setName("b").setType(Parameter.Type.WEIGHT).build();
        a.setArray(m.create(new float[] {1f, 1f}));
        b.setArray(m.create(new float[] {1f}));
        a.getArray().setRequiresGradient(true);
        b.getArray().setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray l = a.getArray().mul(m.create(new float[] {3f, 0f})).sum()
                    .add(b.getArray().mul(m.create(new float[] {4f})).sum());
            gc.backward(l);
        }
        PairList<String, Parameter> list = new PairList<>();
        list.add("a", a);
        list.add("b", b);
        return list;
    }

    @Test
    void aLargeGradientIsScaledToTheLimitKeepingItsDirection() {
        try (NDManager m = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = withGradients(m);
            double norm;
            try (NDManager scratch = m.newSubManager()) {
                norm = new GradientClipping(1.0).clip(params, scratch);
            }
            assertEquals(5.0, norm, 1e-6);
            assertArrayEquals(new float[] {0.6f, 0f}, params.get("a").getArray().getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.8f}, params.get("b").getArray().getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void aSmallGradientIsLeftAloneAndZeroingClearsIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = withGradients(m);
            try (NDManager scratch = m.newSubManager()) {
                assertEquals(5.0, new GradientClipping(10.0).clip(params, scratch), 1e-6);
            }
            assertArrayEquals(new float[] {3f, 0f}, params.get("a").getArray().getGradient().toFloatArray(), 1e-6f);
            Gradients.zero(params);
            assertArrayEquals(new float[] {0f}, params.get("b").getArray().getGradient().toFloatArray(), 1e-6f);
        }
    }
}
