package org.onepro.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.PixelSpacing;
import org.onepro.data.dataset.LabeledImage;

class AffineJitterTest {

    private static int count(LabeledImage sample) {
        int n = 0;
        for (int v : sample.labels().data()) {
            n += v == SquareSample.LABEL ? 1 : 0;
        }
        return n;
    }

    @Test
    void zeroRangesAreTheIdentity() {
        LabeledImage in = SquareSample.create();

        LabeledImage out = new AffineJitter(1, 0, 1, 1, 0).apply(in, new SplittableRandom(5));

        assertArrayEquals(in.image().data(), out.image().data(), 1e-5f);
        assertEquals(in.labels(), out.labels());
        assertEquals(in.scribbles(), out.scribbles());
        assertEquals(in.image().spacing(), out.image().spacing());
    }

    @Test
    void scaleAboveOneEnlargesTheContentAndShrinksTheSpacing() {
        LabeledImage in = SquareSample.create();

        LabeledImage out = new AffineJitter(1, 0, 2, 2, 0).apply(in, new SplittableRandom(5));

        // Doubling both sides quadruples the area; nearest sampling may gain or lose an edge row or column.
        assertEquals(4.0, count(out) / (double) count(in), 0.25);
        assertEquals(new PixelSpacing(0.25, 0.25), out.image().spacing().orElseThrow());
        // Scaling about the image centre moves the off-centre square further from it.
        double[] before = SquareSample.labelCentroid(in);
        double[] after = SquareSample.labelCentroid(out);
        double cx = (SquareSample.WIDTH - 1) / 2.0;
        double cy = (SquareSample.HEIGHT - 1) / 2.0;
        assertEquals(cx + 2 * (before[0] - cx), after[0], 0.6);
        assertEquals(cy + 2 * (before[1] - cy), after[1], 0.6);
    }

    @Test
    void translationMovesImageAndLabelsTogether() {
        LabeledImage in = SquareSample.create();
        AffineJitter shift = new AffineJitter(1, 0, 1, 1, 0.15);
        double[] labelBefore = SquareSample.labelCentroid(in);
        double largestMove = 0;
        for (long seed = 0; seed < 10; seed++) {
            LabeledImage out = shift.apply(in, new SplittableRandom(seed));

            double[] label = SquareSample.labelCentroid(out);
            double[] bright = SquareSample.brightCentroid(out, 0.5f);
            assertEquals(label[0], bright[0], 0.5, "seed " + seed);
            assertEquals(label[1], bright[1], 0.5, "seed " + seed);
            // Area is kept by a pure shift as long as the square stays inside, which 15 % allows here.
            assertEquals(count(in), count(out), "seed " + seed);
            largestMove = Math.max(largestMove, Math.hypot(label[0] - labelBefore[0], label[1] - labelBefore[1]));
        }
        assertTrue(largestMove > 3, "largest move " + largestMove);
    }

    @Test
    void rotationKeepsTheAreaAndTheDistanceFromTheCentre() {
        LabeledImage in = SquareSample.create();
        AffineJitter rotate = new AffineJitter(1, 180, 1, 1, 0);
        double cx = (SquareSample.WIDTH - 1) / 2.0;
        double cy = (SquareSample.HEIGHT - 1) / 2.0;
        double[] before = SquareSample.labelCentroid(in);
        double radius = Math.hypot(before[0] - cx, before[1] - cy);
        for (long seed = 0; seed < 10; seed++) {
            LabeledImage out = rotate.apply(in, new SplittableRandom(seed));

            double[] after = SquareSample.labelCentroid(out);
            assertEquals(radius, Math.hypot(after[0] - cx, after[1] - cy), 0.75, "seed " + seed);
            assertEquals(count(in), count(out), 0.08 * count(in), "seed " + seed);
        }
    }

    @Test
    void rejectsInvalidRanges() {
        assertThrows(IllegalArgumentException.class, () -> new AffineJitter(1, -1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AffineJitter(1, 10, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AffineJitter(1, 10, 1.2, 1.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AffineJitter(1, 10, 1, 1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new AffineJitter(2, 10, 1, 1, 0));
    }
}
