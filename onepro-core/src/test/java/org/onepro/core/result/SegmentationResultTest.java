package org.onepro.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;

class SegmentationResultTest {

    @Test
    void holdsItsParts() {
        ProbabilityMap p = ProbabilityMap.of(new float[] {0.1f, 0.9f}, 1, 2);
        Mask m = p.threshold(0.5f);

        SegmentationResult r = new SegmentationResult(p, m, 0.8);

        assertSame(p, r.probabilities());
        assertSame(m, r.mask());
        assertEquals(0.8, r.predictedIou());
    }

    @Test
    void sizeMismatchIsRejected() {
        ProbabilityMap p = ProbabilityMap.of(new float[6], 2, 3);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new SegmentationResult(p, Mask.empty(3, 2), 0.5));
        assertTrue(e.getMessage().contains("3x2") && e.getMessage().contains("2x3"), e.getMessage());
    }

    @Test
    void nonFiniteIouIsRejected() {
        ProbabilityMap p = ProbabilityMap.of(new float[1], 1, 1);

        assertThrows(InvalidInputException.class, () -> new SegmentationResult(p, Mask.empty(1, 1), Double.NaN));
    }
}
