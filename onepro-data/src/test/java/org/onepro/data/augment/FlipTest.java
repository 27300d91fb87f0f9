package org.onepro.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.data.dataset.LabeledImage;

class FlipTest {

    @Test
    void flippingTwiceRestoresTheSample() {
        LabeledImage in = SquareSample.create();
        for (Flip flip : new Flip[] {new Flip(1, 1), new Flip(1, 0), new Flip(0, 1)}) {
            LabeledImage twice = flip.apply(flip.apply(in, new SplittableRandom(1)), new SplittableRandom(2));
            assertTrue(SquareSample.same(in, twice), flip.toString());
        }
    }

    @Test
    void horizontalFlipMirrorsColumns() {
        LabeledImage in = SquareSample.create();
        int w = SquareSample.WIDTH;

        LabeledImage out = new Flip(1, 0).apply(in, new SplittableRandom(3));

        for (int y = 0; y < SquareSample.HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(in.image().get(0, y, w - 1 - x), out.image().get(0, y, x));
                assertEquals(in.labels().get(y, w - 1 - x), out.labels().get(y, x));
                assertEquals(in.scribbles().orElseThrow().get(y, w - 1 - x), out.scribbles().orElseThrow().get(y, x));
            }
        }
        assertEquals(in.image().spacing(), out.image().spacing());
    }

    @Test
    void verticalFlipMirrorsRows() {
        LabeledImage in = SquareSample.create();
        int h = SquareSample.HEIGHT;

        LabeledImage out = new Flip(0, 1).apply(in, new SplittableRandom(3));

        for (int y = 0; y < h; y++) {
            for (int x = 0; x < SquareSample.WIDTH; x++) {
                assertEquals(in.image().get(0, h - 1 - y, x), out.image().get(0, y, x));
                assertEquals(in.labels().get(h - 1 - y, x), out.labels().get(y, x));
            }
        }
    }

    @Test
    void eachDirectionFiresAtRoughlyItsProbability() {
        LabeledImage in = SquareSample.create();
        Flip flip = new Flip(0.5, 0.2);
        int horizontal = 0;
        int vertical = 0;
        int n = 1000;
        for (long seed = 0; seed < n; seed++) {
            LabeledImage out = flip.apply(in, new SplittableRandom(seed));
            // The square is off-centre (left of and above the middle), so its centre reveals each mirror.
            double[] centre = SquareSample.labelCentroid(out);
            boolean h = centre[0] > (SquareSample.WIDTH - 1) / 2.0;
            boolean v = centre[1] > (SquareSample.HEIGHT - 1) / 2.0;
            horizontal += h ? 1 : 0;
            vertical += v ? 1 : 0;
        }
        assertEquals(0.5, horizontal / (double) n, 0.06);
        assertEquals(0.2, vertical / (double) n, 0.05);
    }

    @Test
    void rejectsAProbabilityOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new Flip(1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Flip(0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Flip(Double.NaN, 0));
    }
}
