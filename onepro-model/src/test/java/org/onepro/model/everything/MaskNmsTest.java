package org.onepro.model.everything;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Point;

import java.util.List;
import java.util.SplittableRandom;

class MaskNmsTest {

    /** A filled rectangle, columns [x0, x1) and rows [y0, y1), on an h x w mask. */
    private static Mask rect(int h, int w, int x0, int y0, int x1, int y1) {
        boolean[] m = new boolean[h * w];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                m[y * w + x] = true;
            }
        }
        return Mask.of(m, h, w);
    }

    private static ScoredMask scored(Mask m, double iou, double stability) {
        return new ScoredMask(m, iou, stability, new Point(0, 0));
    }

    @Test
    void duplicatesAreRemovedKeepingTheBestScore() {
        // 100 columns wide so rows span two 64-bit words.
        Mask a = rect(20, 100, 10, 2, 80, 12);
        Mask nearA = rect(20, 100, 11, 2, 80, 12);
        Mask b = rect(20, 100, 85, 14, 95, 19);
        ScoredMask weakA = scored(a, 0.8, 0.9);
        ScoredMask strongNearA = scored(nearA, 0.9, 0.95);
        ScoredMask bMask = scored(b, 0.5, 0.5);
        ScoredMask exactDuplicate = scored(a, 0.7, 0.7);

        List<ScoredMask> kept = MaskNms.suppress(List.of(bMask, weakA, exactDuplicate, strongNearA), 0.7);

        assertEquals(2, kept.size());
        assertSame(strongNearA, kept.get(0));
        assertSame(bMask, kept.get(1));
    }

    @Test
    void overlapAtOrBelowTheLimitIsKept() {
        Mask left = rect(10, 10, 0, 0, 6, 10);
        Mask right = rect(10, 10, 3, 0, 10, 10);
        double iou = MaskNms.iou(left, right);
        assertEquals(30.0 / 100.0, iou, 1e-12);
        assertEquals(2, MaskNms.suppress(List.of(scored(left, 1, 1), scored(right, 0.9, 1)), 0.3).size());
        assertEquals(1, MaskNms.suppress(List.of(scored(left, 1, 1), scored(right, 0.9, 1)), 0.29).size());
    }

    @Test
    void theIouAgreesWithTheMetricOnRandomMasks() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            int h = 1 + rng.nextInt(30);
            int w = 1 + rng.nextInt(150);
            Mask a = random(rng, h, w);
            Mask b = random(rng, h, w);
            if (a.isEmpty() && b.isEmpty()) {
                continue;
            }
            assertEquals(SegmentationMetrics.iou(a, b), MaskNms.iou(a, b), 1e-12, h + "x" + w);
        }
    }

    private static Mask random(SplittableRandom rng, int h, int w) {
        boolean[] m = new boolean[h * w];
        double p = rng.nextDouble();
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < p;
        }
        return Mask.of(m, h, w);
    }
}
