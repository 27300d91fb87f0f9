package org.onepro.data.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

class DistanceTransformTest {

    private static Mask random(SplittableRandom rng, double density) {
        int h = 1 + rng.nextInt(14);
        int w = 1 + rng.nextInt(14);
        boolean[] m = new boolean[h * w];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < density;
        }
        return Mask.of(m, h, w);
    }

    /** Squared distance from each pixel to the nearest site, by checking every site. */
    private static double[] bruteSquared(boolean[] sites, int h, int w) {
        double[] out = new double[h * w];
        for (int i = 0; i < out.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < sites.length; j++) {
                if (sites[j]) {
                    double dy = i / w - j / w;
                    double dx = i % w - j % w;
                    best = Math.min(best, dx * dx + dy * dy);
                }
            }
            out[i] = best;
        }
        return out;
    }

    @Test
    void squaredDistancesMatchBruteForceOnRandomGrids() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 400; trial++) {
            Mask m = random(rng, new double[] {0.02, 0.1, 0.5, 0.9}[trial % 4]);
            double[] fast = DistanceTransform.squared(m.data(), m.height(), m.width());
            double[] slow = bruteSquared(m.data(), m.height(), m.width());
            for (int i = 0; i < fast.length; i++) {
                assertEquals(slow[i], fast[i], 1e-9, "trial " + trial + " pixel " + i + " of " + m);
            }
        }
    }

    @Test
    void insideDistanceCountsTheImageBorderAsOutside() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            Mask m = random(rng, new double[] {0.5, 0.8, 0.97}[trial % 3]);
            int h = m.height();
            int w = m.width();
            double[] fast = DistanceTransform.toBackground(m);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double expected = 0;
                    if (m.get(y, x)) {
                        // The nearest outside position is a background pixel or a pixel just beyond the border.
                        expected = Math.min(Math.min(x + 1, w - x), Math.min(y + 1, h - y));
                        for (int yy = 0; yy < h; yy++) {
                            for (int xx = 0; xx < w; xx++) {
                                if (!m.get(yy, xx)) {
                                    expected = Math.min(expected, Math.hypot(xx - x, yy - y));
                                }
                            }
                        }
                    }
                    assertEquals(expected, fast[y * w + x], 1e-9, "trial " + trial + " at (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void outsideDistanceIsTheDistanceToTheNearestMaskPixel() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int trial = 0; trial < 300; trial++) {
            Mask m = random(rng, 0.05 + 0.3 * rng.nextDouble());
            if (m.isEmpty()) {
                continue;
            }
            double[] fast = DistanceTransform.toForeground(m);
            double[] slow = bruteSquared(m.data(), m.height(), m.width());
            for (int i = 0; i < fast.length; i++) {
                assertEquals(Math.sqrt(slow[i]), fast[i], 1e-9, "trial " + trial + " pixel " + i);
            }
        }
    }

    @Test
    void gridWithoutSitesIsInfinitelyFar() {
        double[] d = DistanceTransform.squared(new boolean[12], 3, 4);
        for (double v : d) {
            assertEquals(Double.POSITIVE_INFINITY, v);
        }
        assertThrows(InvalidInputException.class, () -> DistanceTransform.toForeground(Mask.empty(3, 4)));
        assertThrows(InvalidInputException.class, () -> DistanceTransform.squared(new boolean[5], 2, 3));
    }

    @Test
    void largeDiscHasItsRadiusAtTheCentre() {
        Mask disc = TestMasks.disc(64, 64, 40);
        double[] inside = DistanceTransform.toBackground(disc);
        // The nearest pixel outside a digital disc of radius 40 is the closest lattice point beyond the rim.
        double expected = Double.POSITIVE_INFINITY;
        for (int dy = -41; dy <= 41; dy++) {
            for (int dx = -41; dx <= 41; dx++) {
                if (dx * dx + dy * dy > 1600) {
                    expected = Math.min(expected, Math.hypot(dx, dy));
                }
            }
        }
        assertTrue(expected > 40 && expected < 41);
        assertEquals(expected, inside[64 * TestMasks.SIZE + 64], 1e-9);
        assertTrue(inside[64 * TestMasks.SIZE + 24] <= 1.0 + 1e-9);
    }
}
