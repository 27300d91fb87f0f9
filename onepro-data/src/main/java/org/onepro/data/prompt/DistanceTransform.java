package org.onepro.data.prompt;

import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

/**
 * Exact Euclidean distance transforms of binary grids by the two-pass lower-envelope algorithm of Felzenszwalb and
 * Huttenlocher ("Distance Transforms of Sampled Functions", 2012): a 1-D transform along every row, then along every
 * column of the row result. Distances are between pixel centres, in pixels, and are exact (not chamfer
 * approximations), in O(height * width) time.
 */
public final class DistanceTransform {

    private DistanceTransform() {
    }

    /**
     * Computes, for every pixel, the squared Euclidean distance to the nearest site.
     *
     * @param sites  {@code height * width} row-major flags, {@code true} for a site
     * @param height rows, positive
     * @param width  columns, positive
     * @return a new array of squared distances; 0 on sites, {@link Double#POSITIVE_INFINITY} everywhere when there
     *         is no site
     * @throws InvalidInputException if the size is not positive or does not match the array
     */
    public static double[] squared(boolean[] sites, int height, int width) {
        Objects.requireNonNull(sites, "sites");
        if (height <= 0 || width <= 0 || sites.length != (long) height * width) {
            throw new InvalidInputException("distance transform of " + sites.length + " values does not fit "
                    + height + "x" + width + " (height x width)");
        }
        double[] out = new double[sites.length];
        for (int i = 0; i < sites.length; i++) {
            out[i] = sites[i] ? 0.0 : Double.POSITIVE_INFINITY;
        }
        int n = Math.max(height, width);
        double[] f = new double[n];
        double[] d = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int y = 0; y < height; y++) {
            System.arraycopy(out, y * width, f, 0, width);
            transform1d(f, width, d, v, z);
            System.arraycopy(d, 0, out, y * width, width);
        }
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                f[y] = out[y * width + x];
            }
            transform1d(f, height, d, v, z);
            for (int y = 0; y < height; y++) {
                out[y * width + x] = d[y];
            }
        }
        return out;
    }

    /**
     * Computes, for every pixel of the mask, the distance to the nearest pixel that is not in the mask, where
     * everything beyond the image border counts as outside the mask (so a mask pixel on the border is 1 away from
     * the outside, like one next to a background pixel).
     *
     * @param mask the mask
     * @return a new row-major array: the distance on mask pixels, 0 on background pixels
     */
    public static double[] toBackground(Mask mask) {
        Objects.requireNonNull(mask, "mask");
        int h = mask.height();
        int w = mask.width();
        boolean[] fg = mask.data();
        // A one-pixel background frame makes the image border a set of sites without special cases in the 1-D pass.
        int ph = h + 2;
        int pw = w + 2;
        boolean[] sites = new boolean[ph * pw];
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                boolean inside = y >= 1 && y <= h && x >= 1 && x <= w;
                sites[y * pw + x] = !inside || !fg[(y - 1) * w + (x - 1)];
            }
        }
        double[] sq = squared(sites, ph, pw);
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = Math.sqrt(sq[(y + 1) * pw + (x + 1)]);
            }
        }
        return out;
    }

    /**
     * Computes, for every pixel, the distance to the nearest mask pixel; the image border is not a site, so
     * background far from the mask gets large values.
     *
     * @param mask the mask, with at least one foreground pixel
     * @return a new row-major array: 0 on mask pixels, the distance elsewhere
     * @throws InvalidInputException if the mask is empty (no distance is defined)
     */
    public static double[] toForeground(Mask mask) {
        Objects.requireNonNull(mask, "mask");
        if (mask.isEmpty()) {
            throw new InvalidInputException("distance to an empty " + mask.height() + "x" + mask.width()
                    + " mask is undefined");
        }
        double[] sq = squared(mask.data(), mask.height(), mask.width());
        for (int i = 0; i < sq.length; i++) {
            sq[i] = Math.sqrt(sq[i]);
        }
        return sq;
    }

    /**
     * The 1-D squared transform {@code d[q] = min_p (q - p)^2 + f[p]} over the finite entries of {@code f}: the lower
     * envelope of one parabola per finite sample. Infinite samples are left out of the envelope rather than given a
     * large finite value, so rows without any site stay exactly infinite instead of becoming huge numbers.
     */
    private static void transform1d(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s = intersection(f, v[k], q);
            while (s <= z[k]) {
                k--;
                s = intersection(f, v[k], q);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            for (int q = 0; q < n; q++) {
                d[q] = Double.POSITIVE_INFINITY;
            }
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (z[j + 1] < q) {
                j++;
            }
            double dq = q - v[j];
            d[q] = dq * dq + f[v[j]];
        }
    }

    /** Where the parabolas rooted at samples {@code p < q} cross. */
    private static double intersection(double[] f, int p, int q) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
