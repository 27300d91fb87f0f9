package org.onepro.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

class HausdorffDistanceTest {

    private static Mask pixels(int w, int h, int... xy) {
        boolean[] m = new boolean[w * h];
        for (int i = 0; i < xy.length; i += 2) {
            m[xy[i + 1] * w + xy[i]] = true;
        }
        return Mask.of(m, h, w);
    }

    private static Mask square(int w, int h, int x0, int y0, int side) {
        boolean[] m = new boolean[w * h];
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                m[y * w + x] = true;
            }
        }
        return Mask.of(m, h, w);
    }

    @Test
    void identicalMasksAreZeroApart() {
        Mask a = square(30, 20, 5, 5, 8);
        assertEquals(0.0, HausdorffDistance.hd95(a, a));
    }

    @Test
    void emptyMasks() {
        Mask empty = Mask.of(new boolean[12], 3, 4);
        assertEquals(0.0, HausdorffDistance.hd95(empty, empty));
        assertTrue(Double.isNaN(HausdorffDistance.hd95(empty, pixels(4, 3, 1, 1))));
        assertTrue(Double.isNaN(HausdorffDistance.hd95(pixels(4, 3, 1, 1), empty)));
    }

    @Test
    void twoPixelsAreTheirEuclideanDistanceApart() {
        assertEquals(5.0, HausdorffDistance.hd95(pixels(10, 10, 1, 2), pixels(10, 10, 4, 6)), 1e-12);
    }

    @Test
    void aShiftedSquareIsItsShiftApart() {
        // Every boundary pixel of one square is 3 px from the other's along x, except where the outlines overlap
        // (the shared stretches of top and bottom rows), so the upper percentiles are exactly the shift.
        assertEquals(3.0, HausdorffDistance.hd95(square(40, 30, 5, 5, 10), square(40, 30, 8, 5, 10)), 1e-12);
    }

    @Test
    void theNinetyFifthPercentileIgnoresARareOutlierTheMaximumDoesNot() {
        Mask a = square(60, 30, 5, 5, 10);
        boolean[] b = a.data();
        b[20 * 60 + 55] = true;
        Mask withSpeck = Mask.of(b, 30, 60);
        assertEquals(0.0, HausdorffDistance.hd95(a, withSpeck), 1e-12);
        assertEquals(Math.hypot(55 - 14, 20 - 14), HausdorffDistance.percentile(a, withSpeck, 100), 1e-12);
    }

    @Test
    void agreesWithABruteForceDefinitionOnRandomMasks() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int w = 5 + rng.nextInt(20);
            int h = 5 + rng.nextInt(20);
            Mask a = random(w, h, rng);
            Mask b = random(w, h, rng);
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            assertEquals(bruteForce(a, b, 95), HausdorffDistance.hd95(a, b), 1e-9, "trial " + trial);
            assertEquals(HausdorffDistance.hd95(a, b), HausdorffDistance.hd95(b, a), 1e-12, "symmetric");
        }
    }

    @Test
    void differentSizesAreRejected() {
        assertThrows(InvalidInputException.class,
                () -> HausdorffDistance.hd95(pixels(4, 3, 1, 1), pixels(3, 4, 1, 1)));
        assertThrows(InvalidInputException.class,
                () -> HausdorffDistance.percentile(pixels(4, 3, 1, 1), pixels(4, 3, 1, 1), 101));
    }

    private static Mask random(int w, int h, SplittableRandom rng) {
        boolean[] m = new boolean[w * h];
        double p = 0.1 + 0.6 * rng.nextDouble();
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < p;
        }
        return Mask.of(m, h, w);
    }

    /** The definition spelled out: pooled directed boundary distances, numpy-style percentile. */
    private static double bruteForce(Mask a, Mask b, double q) {
        List<int[]> ea = edge(a);
        List<int[]> eb = edge(b);
        List<Double> pool = new ArrayList<>();
        for (int[] p : ea) {
            pool.add(nearest(p, eb));
        }
        for (int[] p : eb) {
            pool.add(nearest(p, ea));
        }
        double[] v = pool.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = q / 100 * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    private static double nearest(int[] p, List<int[]> others) {
        double best = Double.POSITIVE_INFINITY;
        for (int[] o : others) {
            best = Math.min(best, Math.hypot(p[0] - o[0], p[1] - o[1]));
        }
        return best;
    }

    private static List<int[]> edge(Mask m) {
        List<int[]> out = new ArrayList<>();
        int w = m.width();
        int h = m.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m.get(y, x) && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !m.get(y, x - 1)
                        || !m.get(y, x + 1) || !m.get(y - 1, x) || !m.get(y + 1, x))) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }
}
