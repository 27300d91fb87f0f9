package org.onepro.core.result;

import java.util.List;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;

/**
 * The segmentation of one query by an ensemble of prompted templates (the paper's evaluation averages many
 * runs over random templates): the mean foreground probability, the mask where that mean is at least one half,
 * the per-pixel variance of the members' probabilities as an uncertainty map, and the mean predicted IoU.
 */
public final class EnsembleResult {

    /** The mean probability is binarised here, the same threshold a single result uses. */
    public static final float THRESHOLD = 0.5f;

    private final ProbabilityMap probabilities;
    private final Mask mask;
    private final ProbabilityMap variance;
    private final double predictedIou;
    private final int templates;

    /**
     * Creates a result from statistics computed elsewhere; the mask is derived from {@code probabilities}.
     *
     * @param probabilities the mean foreground probability per pixel
     * @param variance      the per-pixel variance over the members, the same size (values lie in
     *                      {@code [0, 0.25]} for probabilities, so they fit a probability map)
     * @param predictedIou  the mean of the members' IoU estimates, finite
     * @param templates     how many templates were averaged, positive
     * @throws InvalidInputException if the sizes differ, the IoU is not finite or the count is not positive
     */
    public EnsembleResult(ProbabilityMap probabilities, ProbabilityMap variance, double predictedIou,
                          int templates) {
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(variance, "variance");
        if (variance.height() != probabilities.height() || variance.width() != probabilities.width()) {
            throw new InvalidInputException("variance map is " + variance.height() + "x" + variance.width()
                    + " but the probability map is " + probabilities.height() + "x" + probabilities.width()
                    + " (height x width)");
        }
        if (!Double.isFinite(predictedIou)) {
            throw new InvalidInputException("predicted IoU must be finite but was " + predictedIou);
        }
        if (templates <= 0) {
            throw new InvalidInputException("an ensemble needs at least one template, got " + templates);
        }
        this.probabilities = probabilities;
        this.mask = probabilities.threshold(THRESHOLD);
        this.variance = variance;
        this.predictedIou = predictedIou;
        this.templates = templates;
    }

    /**
     * Combines the results of the ensemble's members, all of the same size.
     *
     * @param members one result per template, at least one
     * @return the ensemble statistics
     * @throws InvalidInputException if the list is empty or the sizes differ
     */
    public static EnsembleResult of(List<SegmentationResult> members) {
        Objects.requireNonNull(members, "members");
        if (members.isEmpty()) {
            throw new InvalidInputException("an ensemble needs at least one member result");
        }
        Builder b = null;
        for (SegmentationResult r : members) {
            ProbabilityMap p = r.probabilities();
            if (b == null) {
                b = builder(p.height(), p.width());
            }
            b.add(p, r.predictedIou());
        }
        return b.build();
    }

    /**
     * Starts an accumulator for members of the given size, so that many members never need to be held at once.
     *
     * @param height rows of every member map, positive
     * @param width  columns of every member map, positive
     * @return an empty builder
     * @throws InvalidInputException if a dimension is not positive
     */
    public static Builder builder(int height, int width) {
        return new Builder(height, width);
    }

    /**
     * Returns the mean foreground probability per pixel.
     *
     * @return the mean probability map
     */
    public ProbabilityMap probabilities() {
        return probabilities;
    }

    /**
     * Returns the binary segmentation: pixels whose mean probability is at least {@link #THRESHOLD}.
     *
     * @return the mask
     */
    public Mask mask() {
        return mask;
    }

    /**
     * Returns the per-pixel variance of the members' probabilities (population variance, divided by the number
     * of templates): 0 where all templates agree, at most 0.25.
     *
     * @return the variance map
     */
    public ProbabilityMap variance() {
        return variance;
    }

    /**
     * Returns the mean of the members' predicted IoUs.
     *
     * @return the mean IoU estimate
     */
    public double predictedIou() {
        return predictedIou;
    }

    /**
     * Returns how many templates were averaged.
     *
     * @return the ensemble size
     */
    public int templates() {
        return templates;
    }

    /**
     * Views the ensemble as a plain result (mean probabilities, mask, mean predicted IoU), for code that handles
     * single and ensembled segmentations alike.
     *
     * @return the equivalent single result
     */
    public SegmentationResult asResult() {
        return new SegmentationResult(probabilities, mask, predictedIou);
    }

    @Override
    public String toString() {
        return "EnsembleResult[" + mask + ", templates=" + templates + ", predictedIou=" + predictedIou + "]";
    }

    /**
     * Accumulates member maps one at a time (Welford's update in double precision, so the variance of many
     * nearly equal maps does not cancel to noise) and builds the {@link EnsembleResult}.
     */
    public static final class Builder {

        private final int height;
        private final int width;
        private final double[] mean;
        private final double[] m2;
        private double iouSum;
        private int count;

        private Builder(int height, int width) {
            if (height <= 0 || width <= 0) {
                throw new InvalidInputException("ensemble maps must have a positive size but were " + height + "x"
                        + width + " (height x width)");
            }
            this.height = height;
            this.width = width;
            this.mean = new double[height * width];
            this.m2 = new double[height * width];
        }

        /**
         * Adds one member.
         *
         * @param probabilities the member's probability map, of the builder's size
         * @param predictedIou  the member's IoU estimate, finite
         * @return this builder
         * @throws InvalidInputException if the size differs or the IoU is not finite
         */
        public Builder add(ProbabilityMap probabilities, double predictedIou) {
            Objects.requireNonNull(probabilities, "probabilities");
            if (probabilities.height() != height || probabilities.width() != width) {
                throw new InvalidInputException("ensemble member is " + probabilities.height() + "x"
                        + probabilities.width() + " but the ensemble is " + height + "x" + width
                        + " (height x width)");
            }
            if (!Double.isFinite(predictedIou)) {
                throw new InvalidInputException("predicted IoU must be finite but was " + predictedIou);
            }
            float[] p = probabilities.data();
            count++;
            for (int i = 0; i < p.length; i++) {
                double delta = p[i] - mean[i];
                mean[i] += delta / count;
                m2[i] += delta * (p[i] - mean[i]);
            }
            iouSum += predictedIou;
            return this;
        }

        /**
         * Returns how many members were added so far.
         *
         * @return the member count
         */
        public int count() {
            return count;
        }

        /**
         * Builds the result of the members added so far.
         *
         * @return the ensemble result
         * @throws InvalidInputException if no member was added
         */
        public EnsembleResult build() {
            if (count == 0) {
                throw new InvalidInputException("an ensemble needs at least one member result");
            }
            float[] meanOut = new float[mean.length];
            float[] varianceOut = new float[mean.length];
            for (int i = 0; i < mean.length; i++) {
                meanOut[i] = (float) mean[i];
                // Rounding can leave m2 a hair below zero where every member agrees.
                varianceOut[i] = (float) Math.max(0.0, m2[i] / count);
            }
            return new EnsembleResult(ProbabilityMap.of(meanOut, height, width),
                    ProbabilityMap.of(varianceOut, height, width), iouSum / count, count);
        }
    }
}
