package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * The acquisition effects applied to a rendered scene, in place or as new planes: a smooth multiplicative bias
 * field (MRI-like shading), Gaussian blur (limited resolution), multiplicative speckle (ultrasound) and additive
 * Gaussian noise.
 */
final class ImageDegradation {

    private ImageDegradation() {
    }

    /**
     * Multiplies the image by {@code 1 + strength * f}, where {@code f} is a field in {@code [-1, 1]} whose
     * wavelength is 1.5 to 3 image sides, so it shades the image gently from one side to the other.
     *
     * @param image    {@code size * size} row-major values, changed in place
     * @param size     the image side
     * @param strength the peak relative gain change
     * @param rng      the source of the field
     */
    static void applyBiasField(float[] image, int size, double strength, SplittableRandom rng) {
        float[] field = TextureSynthesizer.waves(size * rng.nextDouble(1.5, 3.0), 2, size, size, rng);
        for (int i = 0; i < image.length; i++) {
            // A standardised field rarely leaves [-2, 2]; halving and clamping bounds the gain by the strength.
            double f = Math.max(-1, Math.min(1, field[i] / 2.0));
            image[i] *= (float) (1 + strength * f);
        }
    }

    /**
     * Blurs with a separable Gaussian, repeating edge pixels beyond the border.
     *
     * @param image {@code size * size} row-major values
     * @param size  the image side
     * @param sigma the standard deviation in pixels, positive
     * @return the blurred image
     */
    static float[] blur(float[] image, int size, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = StrictMath.exp(-0.5 * i * i / (sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        float[] rows = new float[image.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.max(0, Math.min(size - 1, x + k));
                    v += kernel[k + radius] * image[y * size + xx];
                }
                rows[y * size + x] = (float) v;
            }
        }
        float[] out = new float[image.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.max(0, Math.min(size - 1, y + k));
                    v += kernel[k + radius] * rows[yy * size + x];
                }
                out[y * size + x] = (float) v;
            }
        }
        return out;
    }

    /**
     * Multiplies every pixel by speckle: the mean of {@code looks} unit exponentials, smoothed over about a pixel so
     * the grains have the size of an ultrasound system's resolution cell.
     *
     * @param image values, changed in place
     * @param size  the image side
     * @param looks how many independent looks are averaged, at least 1 (1: fully developed speckle)
     * @param rng   the source of the speckle
     */
    static void applySpeckle(float[] image, int size, int looks, SplittableRandom rng) {
        float[] grain = new float[image.length];
        for (int i = 0; i < grain.length; i++) {
            double sum = 0;
            for (int l = 0; l < looks; l++) {
                sum -= StrictMath.log(1 - rng.nextDouble());
            }
            grain[i] = (float) (sum / looks);
        }
        grain = blur(grain, size, 0.7);
        for (int i = 0; i < image.length; i++) {
            image[i] *= grain[i];
        }
    }

    /**
     * Adds independent Gaussian noise to every pixel.
     *
     * @param image values, changed in place
     * @param sigma the standard deviation
     * @param rng   the source of the noise
     */
    static void addNoise(float[] image, double sigma, SplittableRandom rng) {
        for (int i = 0; i < image.length; i++) {
            image[i] += (float) (sigma * rng.nextGaussian());
        }
    }

    /**
     * Clamps every value into {@code [0, 1]}.
     *
     * @param image values, changed in place
     */
    static void clamp(float[] image) {
        for (int i = 0; i < image.length; i++) {
            image[i] = Math.max(0f, Math.min(1f, image[i]));
        }
    }
}
