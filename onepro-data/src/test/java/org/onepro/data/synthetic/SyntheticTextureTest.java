package org.onepro.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SyntheticTextureTest {

    private static final int SIZE = 96;

    /** Mean absolute difference between horizontal and vertical neighbours. */
    private static double roughness(float[] field) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < SIZE - 1; y++) {
            for (int x = 0; x < SIZE - 1; x++) {
                sum += Math.abs(field[y * SIZE + x + 1] - field[y * SIZE + x]);
                sum += Math.abs(field[(y + 1) * SIZE + x] - field[y * SIZE + x]);
                n += 2;
            }
        }
        return sum / n;
    }

    @ParameterizedTest
    @EnumSource(TextureKind.class)
    void texturesAreStandardised(TextureKind kind) {
        float[] field = TextureSynthesizer.texture(kind, 12, SIZE, SIZE, new SplittableRandom(3));
        double mean = 0;
        for (float v : field) {
            mean += v;
        }
        mean /= field.length;
        double variance = 0;
        for (float v : field) {
            variance += (v - mean) * (v - mean);
        }

        assertEquals(0, mean, 1e-4);
        assertEquals(1, Math.sqrt(variance / field.length), 1e-3);
    }

    @ParameterizedTest
    @EnumSource(TextureKind.class)
    void texturesAreSmoothAndCoarserScalesAreSmoother(TextureKind kind) {
        double fine = roughness(TextureSynthesizer.texture(kind, 4, SIZE, SIZE, new SplittableRandom(1)));
        double coarse = roughness(TextureSynthesizer.texture(kind, 32, SIZE, SIZE, new SplittableRandom(1)));

        // White noise of unit deviation would step by about 1.1 between neighbours.
        assertTrue(coarse < 0.3, "coarse texture roughness " + coarse);
        assertTrue(fine > 2 * coarse, "fine " + fine + " vs coarse " + coarse);
    }

    @ParameterizedTest
    @EnumSource(TextureKind.class)
    void theGeneratorStateDeterminesTheTexture(TextureKind kind) {
        float[] a = TextureSynthesizer.texture(kind, 10, SIZE, SIZE, new SplittableRandom(8));
        float[] b = TextureSynthesizer.texture(kind, 10, SIZE, SIZE, new SplittableRandom(8));
        float[] c = TextureSynthesizer.texture(kind, 10, SIZE, SIZE, new SplittableRandom(9));

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void aConstantFieldBecomesZerosNotNaN() {
        float[] field = TextureSynthesizer.waves(10, 3, 1, 1, new SplittableRandom(2));

        assertArrayEquals(new float[] {0f}, field);
    }

    @Test
    void nonPositiveScalesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TextureSynthesizer.waves(0, 3, 8, 8, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class,
                () -> TextureSynthesizer.valueNoise(Double.NaN, 8, 8, new SplittableRandom(1)));
    }
}
