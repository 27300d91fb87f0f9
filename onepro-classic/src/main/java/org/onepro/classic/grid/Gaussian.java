package org.onepro.classic.grid;

/**
 * Separable Gaussian filters and Gaussian derivatives of order 0, 1 and 2 along each axis, with mirrored borders.
 * Kernels reach 3 standard deviations; the derivative kernels are the sampled derivatives of the Gaussian,
 * corrected so that a linear ramp has slope 1 and a parabola curvature 1 (without the correction small
 * sigmas under-estimate both).
 */
public final class Gaussian {

    private Gaussian() {
    }

    /**
     * Gaussian smoothing.
     *
     * @param g     the grid
     * @param sigma the standard deviation in pixels; 0 or less returns {@code g}
     * @return the smoothed grid
     */
    public static Grid smooth(Grid g, double sigma) {
        return sigma <= 0 ? g : derivative(g, sigma, 0, 0);
    }

    /**
     * A Gaussian derivative: the grid smoothed with standard deviation {@code sigma} and differentiated
     * {@code orderY} times along rows and {@code orderX} times along columns.
     *
     * @param g      the grid
     * @param sigma  the standard deviation in pixels, positive
     * @param orderY derivative order along y, 0 to 2
     * @param orderX derivative order along x, 0 to 2
     * @return the filtered grid
     */
    public static Grid derivative(Grid g, double sigma, int orderY, int orderX) {
        float[] kx = kernel(sigma, orderX);
        float[] ky = kernel(sigma, orderY);
        float[] tmp = new float[g.data().length];
        convolveRows(g.data(), tmp, g.height(), g.width(), kx);
        float[] out = new float[tmp.length];
        convolveColumns(tmp, out, g.height(), g.width(), ky);
        return new Grid(out, g.height(), g.width());
    }

    /**
     * The correlation kernel of a Gaussian derivative of the given order, offset {@code j} at index {@code j + r}:
     * its response is 1 to the polynomial the derivative should recover ({@code 1}, {@code x}, {@code x²/2}) and 0
     * to lower ones.
     */
    static float[] kernel(double sigma, int order) {
        if (!(sigma > 0) || order < 0 || order > 2) {
            throw new IllegalArgumentException("sigma must be positive and order 0-2, got " + sigma + ", " + order);
        }
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        int n = 2 * r + 1;
        double[] k = new double[n];
        double s2 = sigma * sigma;
        double mean = 0;
        for (int j = -r; j <= r; j++) {
            double gauss = Math.exp(-j * j / (2 * s2));
            k[j + r] = switch (order) {
                case 0 -> gauss;
                case 1 -> j * gauss;
                default -> (j * j - s2) * gauss;
            };
            mean += k[j + r] / n;
        }
        double response = 0;
        for (int j = -r; j <= r; j++) {
            if (order == 2) {
                // Truncation leaves a small mean, which would make a constant image look curved.
                k[j + r] -= mean;
            }
            response += k[j + r] * switch (order) {
                case 0 -> 1.0;
                case 1 -> j;
                default -> j * j / 2.0;
            };
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (k[i] / response);
        }
        return out;
    }

    private static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    private static void convolveRows(float[] in, float[] out, int h, int w, float[] k) {
        int r = k.length / 2;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float s = 0;
                if (x >= r && x < w - r) {
                    int base = row + x - r;
                    for (int i = 0; i < k.length; i++) {
                        s += k[i] * in[base + i];
                    }
                } else {
                    for (int i = 0; i < k.length; i++) {
                        s += k[i] * in[row + mirror(x + i - r, w)];
                    }
                }
                out[row + x] = s;
            }
        }
    }

    private static void convolveColumns(float[] in, float[] out, int h, int w, float[] k) {
        int r = k.length / 2;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int i = 0; i < k.length; i++) {
                int src = mirror(y + i - r, h) * w;
                float ki = k[i];
                for (int x = 0; x < w; x++) {
                    out[row + x] += ki * in[src + x];
                }
            }
        }
    }
}
