package org.onepro.classic.registration;

/** Normalised cross-correlation of two images over a weighted region. */
final class Ncc {

    private Ncc() {
    }

    /**
     * The correlation of {@code a} and {@code b} over the pixels where {@code weight} is 1.
     *
     * @param a          first image
     * @param b          second image, same length
     * @param weight     1 where a pixel counts, 0 elsewhere
     * @param minOverlap the least share of pixels that must count
     * @return the correlation in {@code [-1, 1]}; -1 when too few pixels count or either image is flat there
     */
    static double of(float[] a, float[] b, float[] weight, double minOverlap) {
        double n = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            if (weight[i] > 0) {
                n++;
                sa += a[i];
                sb += b[i];
            }
        }
        if (n < minOverlap * a.length || n < 4) {
            return -1;
        }
        double ma = sa / n;
        double mb = sb / n;
        double cab = 0;
        double caa = 0;
        double cbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (weight[i] > 0) {
                double da = a[i] - ma;
                double db = b[i] - mb;
                cab += da * db;
                caa += da * da;
                cbb += db * db;
            }
        }
        if (caa <= 1e-12 || cbb <= 1e-12) {
            return -1;
        }
        return cab / Math.sqrt(caa * cbb);
    }
}
