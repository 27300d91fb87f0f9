package org.onepro.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

class SegmentationMetricsTest {

    /** A 1 x 20 mask with pixels [from, to) set. */
    private static Mask run(int from, int to) {
        boolean[] d = new boolean[20];
        for (int i = from; i < to; i++) {
            d[i] = true;
        }
        return Mask.of(d, 1, 20);
    }

    @Test
    void tenPixelMasksSharingFive() {
        Mask a = run(0, 10);
        Mask b = run(5, 15);

        assertEquals(0.5, SegmentationMetrics.dice(a, b), 1e-12);
        assertEquals(1.0 / 3.0, SegmentationMetrics.iou(a, b), 1e-12);
    }

    @Test
    void identicalMasksScoreOne() {
        assertEquals(1.0, SegmentationMetrics.dice(run(3, 9), run(3, 9)));
        assertEquals(1.0, SegmentationMetrics.iou(run(3, 9), run(3, 9)));
    }

    @Test
    void bothEmptyScoresOne() {
        assertEquals(1.0, SegmentationMetrics.dice(Mask.empty(4, 4), Mask.empty(4, 4)));
        assertEquals(1.0, SegmentationMetrics.iou(Mask.empty(4, 4), Mask.empty(4, 4)));
    }

    @Test
    void oneEmptyScoresZero() {
        assertEquals(0.0, SegmentationMetrics.dice(run(0, 0), run(2, 4)));
        assertEquals(0.0, SegmentationMetrics.iou(run(2, 4), run(0, 0)));
    }

    @Test
    void sizeMismatchNamesBothSizes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SegmentationMetrics.dice(Mask.empty(4, 5), Mask.empty(5, 4)));
        assertTrue(e.getMessage().contains("4x5") && e.getMessage().contains("5x4"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> SegmentationMetrics.iou(Mask.empty(4, 5), Mask.empty(4, 4)));
    }
}
