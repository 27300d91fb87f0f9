package org.onepro.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;

/**
 * A random rotation, isotropic scaling and translation about the image centre, applied with a given probability.
 *
 * <p>The forward map of pixel centres is {@code dst = c + s * R(theta) * (src - c) + t} with {@code c} the image
 * centre, so {@code s > 1} enlarges the content. Each output pixel is inverse-mapped once to a source position:
 * the image is sampled bilinearly there, with zero beyond the border; labels and scribbles take the nearest
 * source pixel, or 0 when that lies outside. One resample per call (instead of chaining rotate, scale and shift)
 * blurs the image only once, and sharing the inverse map keeps image and labels aligned.
 *
 * <p>The image's pixel spacing, when present, is divided by {@code s}: the same anatomy now covers {@code s} times
 * as many pixels. Pixels are treated as square when rotating.
 */
public final class AffineJitter implements Transform {

    private final double probability;
    private final double maxDegrees;
    private final double minScale;
    private final double maxScale;
    private final double maxTranslation;

    /**
     * Creates the transform. Rotation, scale and translation are each drawn uniformly from their range.
     *
     * @param probability    chance of transforming a sample, in {@code [0, 1]}
     * @param maxDegrees     rotation is drawn from {@code [-maxDegrees, maxDegrees]}, non-negative
     * @param minScale       smallest scale factor, positive
     * @param maxScale       largest scale factor, at least {@code minScale}
     * @param maxTranslation shift along each axis is drawn from {@code [-maxTranslation, maxTranslation]} times that
     *                       axis's size in pixels, non-negative
     * @throws IllegalArgumentException if an argument is out of range or not finite
     */
    public AffineJitter(double probability, double maxDegrees, double minScale, double maxScale,
            double maxTranslation) {
        this.probability = Samples.probability("affine probability", probability);
        Samples.range("rotation", 0, maxDegrees, 0);
        Samples.range("scale", minScale, maxScale, Double.MIN_VALUE);
        Samples.range("translation", 0, maxTranslation, 0);
        this.maxDegrees = maxDegrees;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.maxTranslation = maxTranslation;
    }

    /**
     * Draws the transform and resamples the sample.
     *
     * @param sample the sample
     * @param rng    source of the decision, angle, scale and shift
     * @return the transformed sample, or {@code sample} itself when the step does not fire
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        if (!Samples.fires(rng, probability)) {
            return sample;
        }
        Image image = sample.image();
        int h = image.height();
        int w = image.width();
        double theta = Math.toRadians(Samples.uniform(rng, -maxDegrees, maxDegrees));
        double scale = Samples.uniform(rng, minScale, maxScale);
        double tx = Samples.uniform(rng, -maxTranslation, maxTranslation) * w;
        double ty = Samples.uniform(rng, -maxTranslation, maxTranslation) * h;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;

        int plane = h * w;
        int channels = image.channels();
        float[] in = image.data();
        float[] out = new float[in.length];
        int[] nearest = new int[plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx - tx;
                double dy = y - cy - ty;
                // R(theta) inverted is R(-theta): [cos, sin; -sin, cos].
                double sx = cx + (cos * dx + sin * dy) / scale;
                double sy = cy + (-sin * dx + cos * dy) / scale;
                int i = y * w + x;
                nearest[i] = nearestIndex(sx, sy, h, w);
                sampleBilinear(in, out, channels, h, w, sx, sy, i);
            }
        }
        Image moved = Image.of(out, channels, h, w);
        Image result = image.spacing()
                .map(s -> moved.withSpacing(new PixelSpacing(s.x() / scale, s.y() / scale)))
                .orElse(moved);
        return new LabeledImage(sample.task(), sample.id(), result, Samples.gather(sample.labels(), nearest),
                sample.scribbles().map(s -> Samples.gather(s, nearest)));
    }

    @Override
    public String toString() {
        return "AffineJitter[p=" + probability + ", rotation +-" + maxDegrees + " deg, scale " + minScale + ".." + maxScale
                + ", translation +-" + maxTranslation + "]";
    }

    private static int nearestIndex(double sx, double sy, int h, int w) {
        double fx = Math.floor(sx + 0.5);
        double fy = Math.floor(sy + 0.5);
        if (fx < 0 || fy < 0 || fx >= w || fy >= h) {
            return -1;
        }
        return (int) fy * w + (int) fx;
    }

    /**
     * Writes the bilinear value at {@code (sx, sy)} of every channel into output pixel {@code i}. Out-of-image
     * neighbours count as zero, so content fades out at the border instead of smearing the edge row inwards.
     * The weighted sum is formed in double and rounded once, which keeps a result from [0, 1] inputs in [0, 1].
     */
    private static void sampleBilinear(float[] in, float[] out, int channels, int h, int w, double sx, double sy,
            int i) {
        double fx0 = Math.floor(sx);
        double fy0 = Math.floor(sy);
        if (fx0 < -1 || fy0 < -1 || fx0 >= w || fy0 >= h) {
            return;
        }
        int x0 = (int) fx0;
        int y0 = (int) fy0;
        double ax = sx - fx0;
        double ay = sy - fy0;
        double w00 = (1 - ax) * (1 - ay);
        double w01 = ax * (1 - ay);
        double w10 = (1 - ax) * ay;
        double w11 = ax * ay;
        boolean left = x0 >= 0;
        boolean right = x0 + 1 < w;
        boolean top = y0 >= 0;
        boolean bottom = y0 + 1 < h;
        int plane = h * w;
        for (int c = 0; c < channels; c++) {
            int base = c * plane;
            double v = 0;
            if (top && left) {
                v += w00 * in[base + y0 * w + x0];
            }
            if (top && right) {
                v += w01 * in[base + y0 * w + x0 + 1];
            }
            if (bottom && left) {
                v += w10 * in[base + (y0 + 1) * w + x0];
            }
            if (bottom && right) {
                v += w11 * in[base + (y0 + 1) * w + x0 + 1];
            }
            out[base + i] = (float) v;
        }
    }
}
