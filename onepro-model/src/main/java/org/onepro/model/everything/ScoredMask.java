package org.onepro.model.everything;

import java.util.Objects;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Point;

/**
 * One mask found by {@link SegmentEverything}, with the scores that kept it.
 *
 * @param mask         the mask, at the query's size
 * @param predictedIou the model's own IoU estimate for the mask
 * @param stability    IoU between the probability map thresholded at 0.5 + delta and at 0.5 - delta: near 1 when
 *                     the mask barely moves with the threshold
 * @param click        the foreground click on the template that produced it
 */
public record ScoredMask(Mask mask, double predictedIou, double stability, Point click) {

    /**
     * Rejects missing parts.
     *
     * @param mask         the mask
     * @param predictedIou the IoU estimate
     * @param stability    the stability score
     * @param click        the template click
     */
    public ScoredMask {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(click, "click");
    }

    /**
     * The ranking score: predicted IoU times stability.
     *
     * @return the product used to order masks before non-maximum suppression
     */
    public double score() {
        return predictedIou * stability;
    }
}
