package org.onepro.core.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;

class EnsembleResultTest {

    private static SegmentationResult result(double iou, float... p) {
        ProbabilityMap map = ProbabilityMap.of(p, 1, p.length);
        return new SegmentationResult(map, map.threshold(0.5f), iou);
    }

    @Test
    void meanVarianceMaskAndIouFollowTheMembers() {
        EnsembleResult e = EnsembleResult.of(List.of(
                result(0.6, 0.2f, 0.4f, 1.0f),
                result(0.8, 0.6f, 0.8f, 1.0f)));

        assertArrayEquals(new float[] {0.4f, 0.6f, 1.0f}, e.probabilities().data(), 1e-6f);
        assertArrayEquals(new float[] {0.04f, 0.04f, 0f}, e.variance().data(), 1e-6f);
        assertEquals(Mask.of(new boolean[] {false, true, true}, 1, 3), e.mask());
        assertEquals(0.7, e.predictedIou(), 1e-12);
        assertEquals(2, e.templates());
        SegmentationResult single = e.asResult();
        assertEquals(e.mask(), single.mask());
        assertEquals(e.probabilities(), single.probabilities());
        assertEquals(0.7, single.predictedIou(), 1e-12);
    }

    @Test
    void identicalMembersGiveTheMemberAndZeroVariance() {
        SegmentationResult r = result(0.5, 0.123f, 0.987f, 0.5f, 0.3333f);
        EnsembleResult e = EnsembleResult.of(List.of(r, r, r, r, r, r, r));

        assertArrayEquals(r.probabilities().data(), e.probabilities().data());
        assertArrayEquals(new float[4], e.variance().data());
        assertEquals(r.mask(), e.mask());
    }

    @Test
    void theMaskIsTheMeanAtOneHalfInclusive() {
        EnsembleResult e = EnsembleResult.of(List.of(result(0.5, 0.25f), result(0.5, 0.75f)));
        assertTrue(e.mask().get(0, 0));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> EnsembleResult.of(List.of()));
        assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
        EnsembleResult.Builder b = EnsembleResult.builder(1, 2);
        InvalidInputException size = assertThrows(InvalidInputException.class,
                () -> b.add(ProbabilityMap.of(new float[3], 1, 3), 0.5));
        assertTrue(size.getMessage().contains("1x3"), size.getMessage());
        assertThrows(InvalidInputException.class, () -> b.add(ProbabilityMap.of(new float[2], 1, 2), Double.NaN));
        assertThrows(InvalidInputException.class, b::build);
        assertThrows(InvalidInputException.class, () -> new EnsembleResult(ProbabilityMap.of(new float[2], 1, 2),
                ProbabilityMap.of(new float[2], 2, 1), 0.5, 1));
        assertThrows(InvalidInputException.class, () -> new EnsembleResult(ProbabilityMap.of(new float[2], 1, 2),
                ProbabilityMap.of(new float[2], 1, 2), 0.5, 0));
    }
}
