package org.onepro.model.internal.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the engine's own convolution may be used, and the start-up check that decides it.
 *
 * <p>libtorch 2.7.1's CPU convolution (oneDNN) is wrong at batch sizes above 1 for many channel counts and gives
 * NaN input gradients for stride-2 kernels (docs/engine-notes.md §1), while a single sample is computed correctly.
 * So: training on a CPU uses {@link Conv}'s reference path (im2col and a matrix product, whose gradients are plain);
 * inference uses the engine, one sample at a time unless the batched check below passes on this device, in which
 * case whole batches go to the engine. On a GPU the engine is used throughout. The system property
 * {@code onepro.convolution} overrides the choice: {@code reference} forces the reference path everywhere (to
 * compare against it), {@code engine} the engine's batches everywhere but CPU training, {@code per-sample} the
 * engine one sample at a time (the path of CPUs that fail the check, testable on any CPU).
 */
public final class EngineConvolution {

    /** The channel counts that failed at batch 2 (engine-notes §1), checked with a 3x3 kernel on 8x8 maps. */
    private static final int[] CHECKED_CHANNELS = {17, 24, 33, 34, 40};

    private static final Map<Device, Boolean> BATCHED_OK = new ConcurrentHashMap<>();

    private EngineConvolution() {
    }

    /** How one convolution call is computed. */
    enum Path {
        /** Conv's own im2col and matrix product. */
        REFERENCE,
        /** The engine, one sample at a time. */
        PER_SAMPLE,
        /** The engine on the whole batch. */
        BATCHED
    }

    /** The path for a call of batch size {@code batch} on {@code device}. */
    static Path path(Device device, long batch, boolean training) {
        // Read on every call (hundreds per segment) so tests can switch it: a map lookup, no allocation.
        String forced = System.getProperty("onepro.convolution", "");
        boolean gpu = device.isGpu();
        if ("reference".equalsIgnoreCase(forced) || (training && !gpu)) {
            return Path.REFERENCE;
        }
        if ("per-sample".equalsIgnoreCase(forced)) {
            return batch == 1 ? Path.BATCHED : Path.PER_SAMPLE;
        }
        if (gpu || batch == 1 || "engine".equalsIgnoreCase(forced) || batchedIsCorrect(device)) {
            return Path.BATCHED;
        }
        return Path.PER_SAMPLE;
    }

    /**
     * Whether the engine's batched convolution agrees with its own single-sample results on {@code device}, for the
     * channel counts that failed on this project's CPUs. Computed once per device (about 20 ms).
     */
    public static boolean batchedIsCorrect(Device device) {
        return BATCHED_OK.computeIfAbsent(device, EngineConvolution::check);
    }

    private static boolean check(Device device) {
        try (NDManager m = NDManager.newBaseManager(device)) {
            SplittableRandom rng = new SplittableRandom(7);
            for (int in : CHECKED_CHANNELS) {
                NDArray x = gaussian(m, rng, new Shape(2, in, 8, 8));
                NDArray w = gaussian(m, rng, new Shape(16, in, 3, 3));
                NDArray b = m.zeros(new Shape(16), DataType.FLOAT32);
                Shape one = new Shape(1, 1);
                Shape pad = new Shape(1, 1);
                float[] batched = Conv2d.conv2d(x, w, b, one, pad, one, 1).singletonOrThrow().toFloatArray();
                for (int s = 0; s < 2; s++) {
                    float[] single = Conv2d.conv2d(x.get(s + ":" + (s + 1)), w, b, one, pad, one, 1)
                            .singletonOrThrow().toFloatArray();
                    for (int k = 0; k < single.length; k++) {
                        float got = batched[s * single.length + k];
                        if (!(Math.abs(got - single[k]) <= 1e-3f * (1 + Math.abs(single[k])))) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    private static NDArray gaussian(NDManager m, SplittableRandom rng, Shape shape) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return m.create(v, shape);
    }
}
