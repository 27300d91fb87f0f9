package org.onepro.app.eval;

import java.util.Arrays;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.data.prompt.DistanceTransform;

/**
 * The symmetric percentile Hausdorff distance between two masks, in pixels: the boundary pixels of each mask
 * (foreground pixels with a 4-neighbour that is background or outside the image) are measured to the nearest
 * boundary pixel of the other mask (exact Euclidean distance between pixel centres), both directions' distances
 * are pooled, and the given percentile of the pool is taken with linear interpolation. This is the definition of
 * medpy's {@code hd95} (numpy's default percentile), so numbers compare with the wider literature.
 *
 * <p>Two empty masks are 0 apart (nothing to find, nothing found). When exactly one is empty no distance exists
 * and the result is {@code NaN}, which reports leave as an empty cell and means skip.
 */
public final class HausdorffDistance {

    private HausdorffDistance() {
    }

    /**
     * The 95% Hausdorff distance (HD95).
     *
     * @param predicted the predicted mask
     * @param truth     the reference mask, the same size
     * @return the distance in pixels, 0 when both are empty, {@code NaN} when exactly one is empty
     * @throws InvalidInputException if the sizes differ
     */
    public static double hd95(Mask predicted, Mask truth) {
        return percentile(predicted, truth, 95);
    }

    /**
     * The symmetric {@code q}-th percentile Hausdorff distance; {@code q = 100} is the classic Hausdorff distance.
     *
     * @param a the first mask
     * @param b the second mask, the same size
     * @param q the percentile, in {@code [0, 100]}
     * @return the distance in pixels, 0 when both are empty, {@code NaN} when exactly one is empty
     * @throws InvalidInputException if the sizes differ or {@code q} lies outside {@code [0, 100]}
     */
    public static double percentile(Mask a, Mask b, double q) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.height() != b.height() || a.width() != b.width()) {
            throw new InvalidInputException("masks differ in size: " + a.height() + "x" + a.width() + " and "
                    + b.height() + "x" + b.width() + " (height x width)");
        }
        if (!(q >= 0 && q <= 100)) {
            throw new InvalidInputException("percentile must lie in [0, 100], got " + q);
        }
        boolean emptyA = a.isEmpty();
        boolean emptyB = b.isEmpty();
        if (emptyA && emptyB) {
            return 0.0;
        }
        if (emptyA || emptyB) {
            return Double.NaN;
        }
        int h = a.height();
        int w = a.width();
        boolean[] edgeA = boundary(a.data(), h, w);
        boolean[] edgeB = boundary(b.data(), h, w);
        double[] toB = DistanceTransform.squared(edgeB, h, w);
        double[] toA = DistanceTransform.squared(edgeA, h, w);
        double[] pool = new double[count(edgeA) + count(edgeB)];
        int n = 0;
        for (int i = 0; i < edgeA.length; i++) {
            if (edgeA[i]) {
                pool[n++] = Math.sqrt(toB[i]);
            }
            if (edgeB[i]) {
                pool[n++] = Math.sqrt(toA[i]);
            }
        }
        return interpolatedPercentile(pool, q);
    }

    /** Foreground pixels with a 4-neighbour outside the mask; the image border counts as outside. */
    static boolean[] boundary(boolean[] m, int h, int w) {
        boolean[] edge = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                edge[i] = m[i] && (x == 0 || y == 0 || x == w - 1 || y == h - 1
                        || !m[i - 1] || !m[i + 1] || !m[i - w] || !m[i + w]);
            }
        }
        return edge;
    }

    /** The {@code q}-th percentile with linear interpolation between closest ranks (numpy's default). */
    static double interpolatedPercentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n;
    }
}
