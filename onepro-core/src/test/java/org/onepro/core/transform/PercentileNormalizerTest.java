package org.onepro.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;

class PercentileNormalizerTest {

    @Test
    void selectionGivesTheSortedOrderStatisticForAnyData() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(2000);
            float[] values = new float[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                values[i] = switch (kind) {
                    case 0 -> (float) rng.nextGaussian();
                    case 1 -> rng.nextInt(5); // many ties
                    case 2 -> i; // already sorted
                    default -> rng.nextInt(50) == 0 ? Float.NaN : (rng.nextBoolean() ? -0f : 0f);
                };
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = rng.nextInt(n);
            assertEquals(Float.floatToIntBits(sorted[k]),
                    Float.floatToIntBits(PercentileNormalizer.select(values.clone(), k)), "trial " + trial + " k " + k);
        }
    }

    @Test
    void intensitiesAreClippedAtThePercentilesAndScaledToZeroOne() {
        float[] data = new float[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        data[0] = -1e6f; // a cold and a hot pixel outside the percentiles
        data[999] = 1e6f;
        Image out = new PercentileNormalizer(1, 99).apply(Image.of(data, 1, 10, 100));
        float[] v = out.data();
        assertEquals(0f, v[0]);
        assertEquals(0f, v[9]);
        assertEquals(1f, v[999]);
        assertEquals((500f - 9f) / (990f - 9f), v[500], 1e-6f);
    }
}
