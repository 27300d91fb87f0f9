package org.onepro.core.result;

import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;

/**
 * The segmentation of one query image: the per-pixel foreground probabilities, the binary mask derived from
 * them, and the model's own estimate of the mask's IoU with the (unknown) truth.
 */
public final class SegmentationResult {

    private final ProbabilityMap probabilities;
    private final Mask mask;
    private final double predictedIou;

    /**
     * Creates a result.
     *
     * @param probabilities per-pixel foreground probabilities
     * @param mask          the binary segmentation, the same size as {@code probabilities}
     * @param predictedIou  the model's IoU estimate, finite; kept as produced (not clamped) so callers can see
     *                      an over-confident head
     * @throws InvalidInputException if the sizes differ or the IoU estimate is not finite
     */
    public SegmentationResult(ProbabilityMap probabilities, Mask mask, double predictedIou) {
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(mask, "mask");
        if (mask.height() != probabilities.height() || mask.width() != probabilities.width()) {
            throw new InvalidInputException("mask is " + mask.height() + "x" + mask.width()
                    + " but the probability map is " + probabilities.height() + "x" + probabilities.width()
                    + " (height x width)");
        }
        if (!Double.isFinite(predictedIou)) {
            throw new InvalidInputException("predicted IoU must be finite but was " + predictedIou);
        }
        this.probabilities = probabilities;
        this.mask = mask;
        this.predictedIou = predictedIou;
    }

    /**
     * Returns the per-pixel foreground probabilities.
     *
     * @return the probability map
     */
    public ProbabilityMap probabilities() {
        return probabilities;
    }

    /**
     * Returns the binary segmentation.
     *
     * @return the mask
     */
    public Mask mask() {
        return mask;
    }

    /**
     * Returns the model's estimate of the mask's IoU with the truth.
     *
     * @return the predicted IoU
     */
    public double predictedIou() {
        return predictedIou;
    }

    @Override
    public String toString() {
        return "SegmentationResult[" + mask + ", predictedIou=" + predictedIou + "]";
    }
}
