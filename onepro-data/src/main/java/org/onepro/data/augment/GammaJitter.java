package org.onepro.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;

/**
 * Raises every intensity to a random power {@code gamma}, with a given probability; labels and scribbles pass
 * through. A gamma below 1 brightens dark tissue and above 1 darkens it while 0 and 1 stay fixed, which mimics
 * differing window settings and scanner response curves. Gamma is log-uniform so that {@code g} and {@code 1/g}
 * are equally likely. The image is expected in {@code [0, 1]}; values are clamped to it first, because a
 * fractional power of a negative number is NaN.
 */
public final class GammaJitter implements Transform {

    private final double probability;
    private final double minGamma;
    private final double maxGamma;

    /**
     * Creates the transform.
     *
     * @param probability chance of changing a sample, in {@code [0, 1]}
     * @param minGamma    smallest gamma, positive
     * @param maxGamma    largest gamma, at least {@code minGamma}
     * @throws IllegalArgumentException if an argument is out of range or not finite
     */
    public GammaJitter(double probability, double minGamma, double maxGamma) {
        this.probability = Samples.probability("gamma probability", probability);
        Samples.range("gamma", minGamma, maxGamma, Double.MIN_VALUE);
        this.minGamma = minGamma;
        this.maxGamma = maxGamma;
    }

    /**
     * Draws one gamma for all channels and applies it.
     *
     * @param sample the sample, its image in {@code [0, 1]}
     * @param rng    source of the decision and the gamma
     * @return the sample with image values {@code clamp(v)^gamma}, or {@code sample} itself when the step does not
     *         fire
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        if (!Samples.fires(rng, probability)) {
            return sample;
        }
        double gamma = Math.exp(Samples.uniform(rng, Math.log(minGamma), Math.log(maxGamma)));
        float[] data = sample.image().data();
        for (int i = 0; i < data.length; i++) {
            data[i] = Samples.unit(Math.pow(Math.min(1.0, Math.max(0.0, data[i])), gamma));
        }
        return Samples.withImageData(sample, data);
    }

    @Override
    public String toString() {
        return "GammaJitter[p=" + probability + ", gamma " + minGamma + ".." + maxGamma + "]";
    }
}
