package org.onepro.core.transform;

/**
 * Separable bilinear resizing of one row-major float plane using the pixel-centre convention
 * {@code src = (dst + 0.5) / scale - 0.5}, with coordinates clamped at the border.
 *
 * <p>Plain bilinear interpolation reads only the two nearest source samples, so when an axis shrinks by more
 * than 2x it skips whole source pixels and thin structures (vessels, membranes) can vanish or alias. On such an
 * axis the line is first box-averaged in blocks of {@code k = floor(source / target)} pixels, which leaves a
 * remaining factor below 2 for the bilinear step and so lets every source pixel contribute. The average is an
 * exact integer-factor downscale in the same pixel-centre convention, so alignment is unchanged.
 */
final class PlaneResampler {

    private PlaneResampler() {
    }

    /**
     * Resizes a plane.
     *
     * @param plane     {@code height * width} row-major values
     * @param height    source rows
     * @param width     source columns
     * @param newHeight target rows
     * @param newWidth  target columns
     * @return a new array of {@code newHeight * newWidth} values
     */
    static float[] resize(float[] plane, int height, int width, int newHeight, int newWidth) {
        float[] rows = resizeLines(plane, height, width, newWidth);
        float[] columns = resizeLines(transpose(rows, height, newWidth), newWidth, height, newHeight);
        return transpose(columns, newWidth, newHeight);
    }

    /** Resizes each of {@code lines} consecutive lines of {@code n} samples to {@code target} samples. */
    private static float[] resizeLines(float[] in, int lines, int n, int target) {
        float[] out = new float[lines * target];
        if (n == target) {
            System.arraycopy(in, 0, out, 0, out.length);
            return out;
        }
        int k = n > 2 * target ? n / target : 1;
        int m = (n + k - 1) / k;
        int[] lo = new int[target];
        int[] hi = new int[target];
        float[] frac = new float[target];
        // Sample d of the target maps to (d + 0.5) * n / target - 0.5 in the source, and source coordinate s to
        // (s + 0.5) / k - 0.5 in the block-averaged line.
        double step = (double) n / ((double) target * k);
        for (int d = 0; d < target; d++) {
            double u = Math.max(0.0, Math.min(m - 1, (d + 0.5) * step - 0.5));
            lo[d] = (int) Math.floor(u);
            hi[d] = Math.min(lo[d] + 1, m - 1);
            frac[d] = (float) (u - lo[d]);
        }
        float[] line = new float[m];
        for (int l = 0; l < lines; l++) {
            int base = l * n;
            boxAverage(in, base, n, k, line);
            int outBase = l * target;
            for (int d = 0; d < target; d++) {
                float a = line[lo[d]];
                float b = line[hi[d]];
                out[outBase + d] = a + (b - a) * frac[d];
            }
        }
        return out;
    }

    /**
     * Averages blocks of {@code k} samples into {@code line}. A short last block is completed by repeating the
     * edge sample, which matches the clamp-at-border rule and keeps every block centred where the mapping
     * expects it.
     */
    private static void boxAverage(float[] in, int base, int n, int k, float[] line) {
        if (k == 1) {
            System.arraycopy(in, base, line, 0, n);
            return;
        }
        for (int j = 0; j < line.length; j++) {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += in[base + Math.min(j * k + i, n - 1)];
            }
            line[j] = (float) (sum / k);
        }
    }

    private static float[] transpose(float[] in, int rows, int cols) {
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = in[r * cols + c];
            }
        }
        return out;
    }
}
