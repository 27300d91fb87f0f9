package org.onepro.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.data.dataset.LabeledImage;

class AugmentationTest {

    @Test
    void noneReturnsTheSampleAndDrawsNothing() {
        LabeledImage in = SquareSample.create();
        SplittableRandom rng = new SplittableRandom(9);

        assertSame(in, Augmentation.none().apply(in, rng));
        assertEquals(new SplittableRandom(9).nextLong(), rng.nextLong());
    }

    @Test
    void standardChangesMostSamplesButLeavesSomeUntouched() {
        LabeledImage in = SquareSample.create();
        int unchanged = 0;
        int n = 200;
        for (long seed = 0; seed < n; seed++) {
            unchanged += SquareSample.same(in, Augmentation.standard().apply(in, new SplittableRandom(seed))) ? 1 : 0;
        }
        // Every step misses with its own probability: 0.5 * 0.5 * 0.5 * 0.7 * 0.7 * 0.8 = 0.049.
        assertTrue(unchanged > 0 && unchanged < 0.12 * n, unchanged + " of " + n + " unchanged");
    }

    @Test
    void standardFollowsTheRandomStreamItIsGiven() {
        LabeledImage in = SquareSample.create();
        SplittableRandom shared = new SplittableRandom(11);

        LabeledImage first = Augmentation.standard().apply(in, shared);
        LabeledImage second = Augmentation.standard().apply(in, shared);

        assertTrue(SquareSample.same(first, Augmentation.standard().apply(in, new SplittableRandom(11))));
        // Query and template drawn one after the other from one stream differ.
        assertTrue(!SquareSample.same(first, second));
    }

    @Test
    void sharedGeometryKeepsAPairAlignedWhereIndependentJitterDoesNot() {
        LabeledImage in = SquareSample.create();
        double worstShared = 1;
        int misalignedIndependent = 0;
        int n = 200;
        for (long seed = 0; seed < n; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            long pairDraw = rng.nextLong();
            LabeledImage query = Augmentation.residualJitter().apply(
                    Augmentation.sharedGeometry().apply(in, new SplittableRandom(pairDraw)), rng);
            LabeledImage template = Augmentation.residualJitter().apply(
                    Augmentation.sharedGeometry().apply(in, new SplittableRandom(pairDraw)), rng);
            worstShared = Math.min(worstShared, labelDice(query, template));

            LabeledImage q = Augmentation.standard().apply(in, rng);
            LabeledImage t = Augmentation.standard().apply(in, rng);
            misalignedIndependent += labelDice(q, t) < 0.8 ? 1 : 0;
        }
        // The residual jitter moves the 18 x 20 square by at most about a pixel and a half.
        assertTrue(worstShared > 0.8, "worst shared-geometry pair overlaps by Dice " + worstShared);
        assertTrue(misalignedIndependent > n / 4, misalignedIndependent + " of " + n + " independent pairs misaligned");
    }

    private static double labelDice(LabeledImage a, LabeledImage b) {
        return SegmentationMetrics.dice(a.labels().mask(SquareSample.LABEL), b.labels().mask(SquareSample.LABEL));
    }
}
