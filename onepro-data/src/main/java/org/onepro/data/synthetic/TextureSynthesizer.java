package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * Makes smooth random texture fields for backgrounds and object interiors. Every field is standardised to zero
 * mean and unit standard deviation, so its visible contrast is set by one multiplier and does not depend on how
 * many waves or octaves built it.
 */
public final class TextureSynthesizer {

    private static final int WAVE_COUNT = 4;

    private TextureSynthesizer() {
    }

    /**
     * Makes a texture of either kind.
     *
     * @param kind   the family
     * @param scale  the typical feature size in pixels: a wavelength, or a lattice spacing
     * @param height the rows
     * @param width  the columns
     * @param rng    the source of directions, phases and lattice values
     * @return {@code height * width} row-major values with mean 0 and standard deviation 1 (all 0 if constant)
     */
    public static float[] texture(TextureKind kind, double scale, int height, int width, SplittableRandom rng) {
        return switch (kind) {
            case WAVES -> waves(scale, WAVE_COUNT, height, width, rng);
            case VALUE_NOISE -> valueNoise(scale, height, width, rng);
        };
    }

    /**
     * Sums random plane waves {@code a cos(kx x + ky y + phase)} with wavelengths within a factor 0.7 to 1.4 of
     * {@code wavelength}.
     *
     * @param wavelength the typical wavelength in pixels, positive
     * @param count      how many waves, positive
     * @param height     the rows
     * @param width      the columns
     * @param rng        the source of directions, wavelengths, phases and amplitudes
     * @return the standardised field
     */
    public static float[] waves(double wavelength, int count, int height, int width, SplittableRandom rng) {
        requirePositive(wavelength, "wavelength");
        float[] out = new float[height * width];
        double[] cosX = new double[width];
        double[] sinX = new double[width];
        double[] cosY = new double[height];
        double[] sinY = new double[height];
        for (int w = 0; w < count; w++) {
            double direction = rng.nextDouble(0, Math.PI);
            double k = 2 * Math.PI / (wavelength * rng.nextDouble(0.7, 1.4));
            double phase = rng.nextDouble(0, 2 * Math.PI);
            double amplitude = rng.nextDouble(0.5, 1.0);
            double kx = k * StrictMath.cos(direction);
            double ky = k * StrictMath.sin(direction);
            // cos(a + b) = cos a cos b - sin a sin b splits the wave into per-column and per-row tables.
            for (int x = 0; x < width; x++) {
                cosX[x] = StrictMath.cos(kx * x + phase);
                sinX[x] = StrictMath.sin(kx * x + phase);
            }
            for (int y = 0; y < height; y++) {
                cosY[y] = StrictMath.cos(ky * y);
                sinY[y] = StrictMath.sin(ky * y);
            }
            for (int y = 0; y < height; y++) {
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    out[row + x] += (float) (amplitude * (cosX[x] * cosY[y] - sinX[x] * sinY[y]));
                }
            }
        }
        return standardise(out);
    }

    /**
     * Two octaves of value noise: uniform random values on a lattice of spacing {@code cellSize} (plus half as
     * strong a lattice at half the spacing), interpolated bilinearly with smoothstep-eased weights so that lattice
     * lines do not show as creases.
     *
     * @param cellSize the coarse lattice spacing in pixels, positive
     * @param height   the rows
     * @param width    the columns
     * @param rng      the source of lattice values and offsets
     * @return the standardised field
     */
    public static float[] valueNoise(double cellSize, int height, int width, SplittableRandom rng) {
        requirePositive(cellSize, "cellSize");
        float[] out = new float[height * width];
        addOctave(out, cellSize, 1.0, height, width, rng);
        // A finer octave only adds detail when its cells still span a couple of pixels.
        if (cellSize >= 4) {
            addOctave(out, cellSize / 2, 0.5, height, width, rng);
        }
        return standardise(out);
    }

    private static void addOctave(float[] out, double cell, double amplitude, int height, int width,
            SplittableRandom rng) {
        int cols = (int) Math.ceil(width / cell) + 2;
        int rows = (int) Math.ceil(height / cell) + 2;
        double[] lattice = new double[rows * cols];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = rng.nextDouble(-1, 1);
        }
        // A random sub-cell offset keeps lattice points of different objects and octaves from lining up.
        double offsetX = rng.nextDouble(0, cell);
        double offsetY = rng.nextDouble(0, cell);
        for (int y = 0; y < height; y++) {
            double gy = (y + offsetY) / cell;
            int iy = (int) gy;
            double ty = smoothstep(gy - iy);
            for (int x = 0; x < width; x++) {
                double gx = (x + offsetX) / cell;
                int ix = (int) gx;
                double tx = smoothstep(gx - ix);
                double top = lerp(lattice[iy * cols + ix], lattice[iy * cols + ix + 1], tx);
                double bottom = lerp(lattice[(iy + 1) * cols + ix], lattice[(iy + 1) * cols + ix + 1], tx);
                out[y * width + x] += (float) (amplitude * lerp(top, bottom, ty));
            }
        }
    }

    private static double smoothstep(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static float[] standardise(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        double mean = sum / v.length;
        double squares = 0;
        for (float f : v) {
            squares += (f - mean) * (f - mean);
        }
        double std = Math.sqrt(squares / v.length);
        // A constant field (a wave too long to vary over a tiny image) becomes flat rather than blowing up.
        double scale = std > 1e-9 ? 1 / std : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((v[i] - mean) * scale);
        }
        return v;
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
    }
}
