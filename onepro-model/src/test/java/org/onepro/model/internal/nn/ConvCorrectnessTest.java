package org.onepro.model.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * Guards the oneDNN convolution defects that {@link Conv} avoids: at batch sizes above 1, libtorch's
 * convolution gave outputs off by up to 12 for many channel counts and NaN input gradients for
 * stride-2 kernels on this project's CPUs. Every case compares a batch of 3 with three batch-1 calls
 * (outputs, weight and input gradients) and one output with a plain Java convolution.
 */
class ConvCorrectnessTest {

    @ParameterizedTest(name = "in={0} out={1} kernel={2} stride={3} side={4}")
    @MethodSource("org.onepro.model.internal.nn.ConvShapes#shapes")
    void batchedConvolutionMatchesSingleSamplesAndAJavaReference(int in, int out, int kernel, int stride, int side) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Conv conv = new Conv(in, out, kernel, stride, Init.HE);
            conv.initialize(manager, DataType.FLOAT32, new Shape(1));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = ConvShapes.random(manager, 1, new Shape(3, in, side, side));
            Result batch = run(conv, ps, x);
            float[] expectedGrad = null;
            for (int i = 0; i < 3; i++) {
                Result single = run(conv, ps, x.get(i + ":" + (i + 1)));
                int n = single.output.length;
                for (int k = 0; k < n; k++) {
                    assertEquals(single.output[k], batch.output[i * n + k], 1e-3f, "sample " + i + " output " + k);
                }
                expectedGrad = expectedGrad == null ? single.weightGrad : add(expectedGrad, single.weightGrad);
            }
            for (int k = 0; k < batch.inputGrad.length; k++) {
                assertTrue(Float.isFinite(batch.inputGrad[k]), "input gradient " + k + " is " + batch.inputGrad[k]);
            }
            for (int i = 0; i < 3; i++) {
                Result single = run(conv, ps, x.get(i + ":" + (i + 1)));
                int n = single.inputGrad.length;
                for (int k = 0; k < n; k++) {
                    assertEquals(single.inputGrad[k], batch.inputGrad[i * n + k], 1e-3f, "sample " + i + " input grad " + k);
                }
            }
            for (int k = 0; k < expectedGrad.length; k++) {
                assertEquals(expectedGrad[k], batch.weightGrad[k], 1e-2f + 1e-4f * Math.abs(expectedGrad[k]),
                        "weight gradient " + k);
            }
            float[] w = conv.getParameters().get("weight").getArray().toFloatArray();
            int paddedIn = in;
            float[] xs = x.toFloatArray();
            int outSide = batch.outputSide;
            int o = out - 1;
            int oy = outSide / 2;
            int ox = outSide - 1;
            int pad = kernel % 2 == 1 ? kernel / 2 : 0;
            double ref = 0;
            for (int c = 0; c < in; c++) {
                for (int i = 0; i < kernel; i++) {
                    for (int j = 0; j < kernel; j++) {
                        int yy = oy * stride + i - pad;
                        int xx = ox * stride + j - pad;
                        if (yy >= 0 && yy < side && xx >= 0 && xx < side) {
                            ref += xs[((2 * in + c) * side + yy) * side + xx] * w[((o * paddedIn + c) * kernel + i) * kernel + j];
                        }
                    }
                }
            }
            float got = batch.output[((2 * out + o) * outSide + oy) * outSide + ox];
            assertTrue(Math.abs(ref - got) < 1e-3 * (1 + Math.abs(ref)), "reference " + ref + " but got " + got);
        }
    }

    private record Result(float[] output, float[] weightGrad, float[] inputGrad, int outputSide) {}

    private static Result run(Conv conv, ParameterStore ps, NDArray x) {
        NDArray weight = conv.getParameters().get("weight").getArray();
        NDArray input = x.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.zeroGradients();
            NDArray y = conv.apply(ps, input, true);
            NDArray g = ConvShapes.random(x.getManager(), 2, y.getShape().slice(1)).expandDims(0);
            gc.backward(y.mul(g).sum());
            try (NDArray grad = weight.getGradient()) {
                return new Result(y.toFloatArray(), grad.toFloatArray(), input.getGradient().toFloatArray(),
                        (int) y.getShape().get(2));
            }
        }
    }

    private static float[] add(float[] a, float[] b) {
        float[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b[i];
        }
        return c;
    }
}
