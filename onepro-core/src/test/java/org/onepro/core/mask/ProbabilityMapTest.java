package org.onepro.core.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;

class ProbabilityMapTest {

    @Test
    void tinyExcursionsAreClamped() {
        ProbabilityMap map = ProbabilityMap.of(new float[] {-5e-7f, 1.0000005f, 0.25f}, 1, 3);

        assertArrayEquals(new float[] {0f, 1f, 0.25f}, map.data());
    }

    @Test
    void outOfRangeAndNanAreRejectedWithPosition() {
        InvalidInputException high = assertThrows(InvalidInputException.class,
                () -> ProbabilityMap.of(new float[] {0f, 0f, 0f, 1.2f}, 2, 2));
        assertTrue(high.getMessage().contains("index 3 (y 1, x 1)") && high.getMessage().contains("1.2"),
                high.getMessage());
        assertThrows(InvalidInputException.class, () -> ProbabilityMap.of(new float[] {-0.01f}, 1, 1));
        InvalidInputException nan = assertThrows(InvalidInputException.class,
                () -> ProbabilityMap.of(new float[] {Float.NaN}, 1, 1));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(InvalidInputException.class, () -> ProbabilityMap.of(new float[3], 2, 2));
    }

    @Test
    void thresholdIsInclusive() {
        ProbabilityMap map = ProbabilityMap.of(new float[] {0.2f, 0.5f, 0.7f, 1f}, 2, 2);

        assertArrayEquals(new boolean[] {false, true, true, true}, map.threshold(0.5f).data());
        assertEquals(4, map.threshold(0f).count());
        assertEquals(1, map.threshold(1f).count());
        assertThrows(InvalidInputException.class, () -> map.threshold(Float.NaN));
    }

    @Test
    void rendersAsGrey() {
        ProbabilityMap map = ProbabilityMap.of(new float[] {0f, 0.5f, 1f}, 1, 3);

        int[] samples = map.toBufferedImage().getRaster().getSamples(0, 0, 3, 1, 0, (int[]) null);

        assertArrayEquals(new int[] {0, 128, 255}, samples);
        assertEquals(0.5f, map.get(0, 1));
    }
}
