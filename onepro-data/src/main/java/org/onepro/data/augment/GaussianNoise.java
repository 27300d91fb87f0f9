package org.onepro.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;

/**
 * Adds zero-mean Gaussian noise of a random standard deviation, with a given probability, to mimic low-dose or
 * fast acquisitions; labels and scribbles pass through. Every value (each channel separately) gets its own draw.
 * Results are clamped to {@code [0, 1]}.
 */
public final class GaussianNoise implements Transform {

    private final double probability;
    private final double minStd;
    private final double maxStd;

    /**
     * Creates the transform; the standard deviation is drawn uniformly from its range.
     *
     * @param probability chance of changing a sample, in {@code [0, 1]}
     * @param minStd      smallest standard deviation, non-negative, in units of the {@code [0, 1]} intensity range
     * @param maxStd      largest standard deviation, at least {@code minStd}
     * @throws IllegalArgumentException if an argument is out of range or not finite
     */
    public GaussianNoise(double probability, double minStd, double maxStd) {
        this.probability = Samples.probability("noise probability", probability);
        Samples.range("noise standard deviation", minStd, maxStd, 0);
        this.minStd = minStd;
        this.maxStd = maxStd;
    }

    /**
     * Draws a standard deviation, then one noise value per image value.
     *
     * @param sample the sample, its image in {@code [0, 1]}
     * @param rng    source of the decision, the standard deviation and the noise
     * @return the noisy sample, or {@code sample} itself when the step does not fire
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        if (!Samples.fires(rng, probability)) {
            return sample;
        }
        double std = Samples.uniform(rng, minStd, maxStd);
        float[] data = sample.image().data();
        for (int i = 0; i < data.length; i++) {
            data[i] = Samples.unit(data[i] + std * rng.nextGaussian());
        }
        return Samples.withImageData(sample, data);
    }

    @Override
    public String toString() {
        return "GaussianNoise[p=" + probability + ", std " + minStd + ".." + maxStd + "]";
    }
}
