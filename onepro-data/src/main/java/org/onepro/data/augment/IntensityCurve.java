package org.onepro.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;

/**
 * Maps every intensity through a random curve, with a given probability: piecewise linear through {@code knots}
 * evenly spaced points of {@code [0, 1]} whose values are drawn uniformly and then stretched to span {@code [0, 1]}.
 * Such curves reorder the brightness of tissues arbitrarily, inversions included. Applied with the same draws to a
 * query and its template (a shared augmentation), the pair still looks alike, while no absolute intensity or
 * contrast can tell the model which modality or task it sees: it has to match the template's prompted appearance
 * (the idea of SynthSeg's random contrasts, applied to real images). All channels go through one curve; the image
 * is expected in {@code [0, 1]} and clamped to it first. Labels and scribbles pass through.
 */
public final class IntensityCurve implements Transform {

    private final double probability;
    private final int maxKnots;

    /**
     * Creates the transform.
     *
     * @param probability chance of changing a sample, in {@code [0, 1]}
     * @param maxKnots    most knots of a curve, at least 2; each draw takes 2 to {@code maxKnots} (2 knots give the
     *                    identity or the inversion)
     * @throws IllegalArgumentException if an argument is out of range
     */
    public IntensityCurve(double probability, int maxKnots) {
        this.probability = Samples.probability("curve probability", probability);
        if (maxKnots < 2) {
            throw new IllegalArgumentException("an intensity curve needs at least 2 knots, not " + maxKnots);
        }
        this.maxKnots = maxKnots;
    }

    /**
     * Draws one curve and applies it to every channel.
     *
     * @param sample the sample, its image in {@code [0, 1]}
     * @param rng    source of the decision and the curve
     * @return the sample with every value mapped through the curve, or {@code sample} itself when the step does not
     *         fire
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        if (!Samples.fires(rng, probability)) {
            return sample;
        }
        double[] knots = new double[2 + rng.nextInt(maxKnots - 1)];
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int k = 0; k < knots.length; k++) {
            knots[k] = rng.nextDouble();
            low = Math.min(low, knots[k]);
            high = Math.max(high, knots[k]);
        }
        if (high - low < 1e-6) {
            return sample;
        }
        for (int k = 0; k < knots.length; k++) {
            // Stretched to the full range so that a draw never flattens the image into one grey.
            knots[k] = (knots[k] - low) / (high - low);
        }
        int segments = knots.length - 1;
        float[] data = sample.image().data();
        for (int i = 0; i < data.length; i++) {
            double v = Math.min(1.0, Math.max(0.0, data[i])) * segments;
            int k = Math.min(segments - 1, (int) v);
            double f = v - k;
            data[i] = Samples.unit(knots[k] + f * (knots[k + 1] - knots[k]));
        }
        return Samples.withImageData(sample, data);
    }

    @Override
    public String toString() {
        return "IntensityCurve[p=" + probability + ", knots 2.." + maxKnots + "]";
    }
}
