package org.onepro.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;

/**
 * Multiplies the image by a smooth random field, with a given probability: {@code exp(p(x, y))} for a quadratic
 * polynomial {@code p} in the image's normalised coordinates whose five coefficients are drawn uniformly in
 * {@code [-strength, strength]}. This is the slow shading MRI coils, ultrasound depth gain and uneven illumination
 * put on an image, so the same tissue is not one brightness everywhere. All channels share the field; the result
 * is clamped to {@code [0, 1]}. Labels and scribbles pass through.
 */
public final class BiasField implements Transform {

    private final double probability;
    private final double strength;

    /**
     * Creates the transform.
     *
     * @param probability chance of changing a sample, in {@code [0, 1]}
     * @param strength    largest coefficient, in {@code [0, 2]}; the exponent then stays within
     *                    {@code +-1.75 * strength} (0.3: gains of 0.59 to 1.69)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public BiasField(double probability, double strength) {
        this.probability = Samples.probability("bias probability", probability);
        if (!(strength >= 0 && strength <= 2)) {
            throw new IllegalArgumentException("bias strength must lie in [0, 2], not " + strength);
        }
        this.strength = strength;
    }

    /**
     * Draws one field and applies it.
     *
     * @param sample the sample, its image in {@code [0, 1]}
     * @param rng    source of the decision and the field
     * @return the sample with the field applied, or {@code sample} itself when the step does not fire
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        if (!Samples.fires(rng, probability)) {
            return sample;
        }
        double[] c = new double[5];
        for (int k = 0; k < c.length; k++) {
            c[k] = Samples.uniform(rng, -strength, strength);
        }
        int h = sample.image().height();
        int w = sample.image().width();
        int plane = h * w;
        float[] data = sample.image().data();
        for (int y = 0; y < h; y++) {
            double v = (y + 0.5) / h - 0.5;
            for (int x = 0; x < w; x++) {
                double u = (x + 0.5) / w - 0.5;
                float gain = (float) Math.exp(c[0] * u + c[1] * v + c[2] * u * v + c[3] * u * u + c[4] * v * v);
                for (int ch = 0; ch < sample.image().channels(); ch++) {
                    int i = ch * plane + y * w + x;
                    data[i] = Samples.unit(data[i] * gain);
                }
            }
        }
        return Samples.withImageData(sample, data);
    }

    @Override
    public String toString() {
        return "BiasField[p=" + probability + ", strength " + strength + "]";
    }
}
