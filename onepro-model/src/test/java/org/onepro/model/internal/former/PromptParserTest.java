package org.onepro.model.internal.former;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.onepro.model.config.MaskingMode;
import org.onepro.model.config.PromptingMode;

import java.util.SplittableRandom;

class PromptParserTest {

    private static NDArray random(NDManager m, long seed, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return m.create(v, new Shape(shape));
    }

    @Test
    void gaussianMaskingIsNeverBelowItsInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = random(m, 1, 2, 8, 6, 6);
            NDArray alpha = random(m, 2, 2, 1, 6, 6).abs().clip(0, 1);
            NDArray sigma = random(m, 3, 2, 1, 6, 6).abs().add(0.25f);
            float[] in = x.toFloatArray();
            float[] out = GaussianMasking.apply(x, alpha, sigma).toFloatArray();
            for (int i = 0; i < in.length; i++) {
                assertTrue(out[i] >= in[i], "element " + i + ": " + out[i] + " < " + in[i]);
            }
        }
    }

    @Test
    void aLargerSpreadCarriesActivationFurtherFromAPromptedSpot() {
        try (NDManager m = NDManager.newBaseManager()) {
            int f = 32;
            int y = 16;
            int x0 = 4;
            float[] spot = new float[f * f];
            spot[y * f + x0] = 1f;
            NDArray x = m.create(spot, new Shape(1, 1, f, f));
            NDArray alpha = m.ones(new Shape(1, 1, f, f));
            int previous = -1;
            for (float s : new float[] {0.5f, 1f, 2f, 4f}) {
                float[] out = GaussianMasking.apply(x, alpha, m.full(new Shape(1, 1, f, f), s)).toFloatArray();
                int reach = 0;
                while (x0 + reach + 1 < f && out[y * f + x0 + reach + 1] > 1e-3f) {
                    reach++;
                }
                assertTrue(reach > previous, "sigma " + s + " reaches " + reach + " cells, not more than " + previous);
                previous = reach;
            }
        }
    }

    @Test
    void zeroGainLeavesTheInputUnchanged() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = random(m, 4, 1, 4, 5, 5);
            NDArray out = GaussianMasking.apply(x, m.zeros(new Shape(1, 1, 5, 5)), m.ones(new Shape(1, 1, 5, 5)));
            float[] in = x.toFloatArray();
            float[] o = out.toFloatArray();
            for (int i = 0; i < in.length; i++) {
                assertEquals(Math.max(in[i], 0f), o[i], 1e-6f);
            }
        }
    }

    @Test
    void theTokenMixingMapHasTheNBy3NShapeOfEquationTwo() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 16;
            int d = 8;
            PromptParser parser = new PromptParser(n, d, PromptingMode.STACK_MLP, MaskingMode.GAUSSIAN);
            parser.initialize(m, DataType.FLOAT32, new Shape(1));
            Shape w = parser.getParameters().stream().filter(p -> p.getKey().endsWith("tokenMix_weight"))
                    .findFirst().orElseThrow().getValue().getArray().getShape();
            assertEquals(new Shape(n, 3 * n), w);
            ParameterStore ps = new ParameterStore(m, false);
            NDList out = parser.apply(ps, random(m, 1, 2, n, d), random(m, 2, 2, n, d), random(m, 3, 2, n, d),
                    random(m, 4, 2, n, d), random(m, 5, 2, n, 1).abs(), false);
            assertEquals(new Shape(2, n, d), out.get(0).getShape());
            assertEquals(new Shape(2, n, 1), out.get(1).getShape());
        }
    }

    @Test
    void thePriorFollowsThePromptedTemplateTokenThatMatchesEachQueryToken() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 16;
            int d = 8;
            PromptParser parser = new PromptParser(n, d, PromptingMode.ADD, MaskingMode.GAUSSIAN);
            parser.initialize(m, DataType.FLOAT32, new Shape(1));
            // Query token j equals template token j scaled up, so M is sharply diagonal.
            NDArray et = random(m, 7, 1, n, d).mul(m.full(new Shape(), 4f));
            NDArray zero = m.zeros(new Shape(1, n, d));
            float[] r = new float[n];
            r[5] = 1f;
            NDArray prior = parser.apply(new ParameterStore(m, false), et, et, zero, zero,
                    m.create(r, new Shape(1, n, 1)), false).get(1);
            float[] p = prior.toFloatArray();
            int argmax = 0;
            for (int j = 1; j < n; j++) {
                if (p[j] > p[argmax]) {
                    argmax = j;
                }
            }
            assertEquals(5, argmax, "the prompted token's match in the query gets the highest prior");
        }
    }
}
