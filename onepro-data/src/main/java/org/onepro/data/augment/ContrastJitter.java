package org.onepro.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;

/**
 * Stretches or flattens contrast by a random factor around the image mean, with a given probability; labels and
 * scribbles pass through. Scaling about the mean rather than about 0 changes contrast without also shifting
 * overall brightness. Each channel uses its own mean so an RGB image keeps its colour balance; the factor is shared.
 * Results are clamped to {@code [0, 1]}.
 */
public final class ContrastJitter implements Transform {

    private final double probability;
    private final double minFactor;
    private final double maxFactor;

    /**
     * Creates the transform; the factor is drawn uniformly from its range.
     *
     * @param probability chance of changing a sample, in {@code [0, 1]}
     * @param minFactor   smallest contrast factor, non-negative
     * @param maxFactor   largest contrast factor, at least {@code minFactor}
     * @throws IllegalArgumentException if an argument is out of range or not finite
     */
    public ContrastJitter(double probability, double minFactor, double maxFactor) {
        this.probability = Samples.probability("contrast probability", probability);
        Samples.range("contrast factor", minFactor, maxFactor, 0);
        this.minFactor = minFactor;
        this.maxFactor = maxFactor;
    }

    /**
     * Draws one factor and applies it to every channel.
     *
     * @param sample the sample, its image in {@code [0, 1]}
     * @param rng    source of the decision and the factor
     * @return the sample with image values {@code clamp(mean + factor * (v - mean))}, or {@code sample} itself when
     *         the step does not fire
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        if (!Samples.fires(rng, probability)) {
            return sample;
        }
        double factor = Samples.uniform(rng, minFactor, maxFactor);
        float[] data = sample.image().data();
        int plane = sample.image().height() * sample.image().width();
        for (int base = 0; base < data.length; base += plane) {
            double sum = 0;
            for (int i = base; i < base + plane; i++) {
                sum += data[i];
            }
            double mean = sum / plane;
            for (int i = base; i < base + plane; i++) {
                data[i] = Samples.unit(mean + factor * (data[i] - mean));
            }
        }
        return Samples.withImageData(sample, data);
    }

    @Override
    public String toString() {
        return "ContrastJitter[p=" + probability + ", factor " + minFactor + ".." + maxFactor + "]";
    }
}
