package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The convolution shapes the tests check (the presets' own and those that failed in the engine), and inputs. */
final class ConvShapes {

    private ConvShapes() {
    }

    /** {@code in, out, kernel, stride, side} per case. */
    static Stream<Arguments> shapes() {
        int[][] cases = {
            {5, 16, 2, 2, 32}, {17, 16, 3, 1, 8}, {24, 16, 3, 1, 8}, {34, 16, 3, 1, 4}, {99, 32, 3, 1, 16},
            {66, 64, 3, 1, 8}, {24, 16, 2, 2, 8}, {48, 32, 3, 1, 8}, {12, 8, 3, 1, 8}, {24, 4, 1, 1, 8},
            {8, 8, 3, 1, 16}, {8, 16, 2, 2, 16}, {16, 16, 3, 1, 8}, {16, 32, 2, 2, 8}, {32, 32, 3, 1, 4},
            {32, 32, 2, 2, 4}, {32, 32, 3, 1, 2},
        };
        return Stream.of(cases).map(c -> Arguments.of(c[0], c[1], c[2], c[3], c[4]));
    }

    /** Standard normal values from a seeded generator. */
    static NDArray random(NDManager m, long seed, Shape shape) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return m.create(v, shape);
    }
}
