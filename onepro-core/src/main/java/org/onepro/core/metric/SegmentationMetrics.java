package org.onepro.core.metric;

import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

/**
 * Overlap scores between a predicted mask and a reference mask. When both masks are empty the prediction is
 * counted as perfect (1.0): correctly finding nothing should not be punished.
 */
public final class SegmentationMetrics {

    private SegmentationMetrics() {
    }

    /**
     * Computes the Dice coefficient {@code 2|P & T| / (|P| + |T|)}.
     *
     * @param predicted the predicted mask
     * @param truth     the reference mask, the same size
     * @return Dice in {@code [0, 1]}; 1.0 when both masks are empty
     * @throws InvalidInputException if the masks differ in size
     */
    public static double dice(Mask predicted, Mask truth) {
        Counts c = count(predicted, truth);
        long total = c.predicted + c.truth;
        return total == 0 ? 1.0 : 2.0 * c.intersection / total;
    }

    /**
     * Computes the intersection over union {@code |P & T| / |P | T|}.
     *
     * @param predicted the predicted mask
     * @param truth     the reference mask, the same size
     * @return IoU in {@code [0, 1]}; 1.0 when both masks are empty
     * @throws InvalidInputException if the masks differ in size
     */
    public static double iou(Mask predicted, Mask truth) {
        Counts c = count(predicted, truth);
        long union = c.predicted + c.truth - c.intersection;
        return union == 0 ? 1.0 : (double) c.intersection / union;
    }

    private static Counts count(Mask predicted, Mask truth) {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(truth, "truth");
        if (predicted.height() != truth.height() || predicted.width() != truth.width()) {
            throw new InvalidInputException("predicted mask is " + predicted.height() + "x" + predicted.width()
                    + " but the reference mask is " + truth.height() + "x" + truth.width() + " (height x width)");
        }
        boolean[] p = predicted.data();
        boolean[] t = truth.data();
        long np = 0;
        long nt = 0;
        long both = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i]) {
                np++;
            }
            if (t[i]) {
                nt++;
            }
            if (p[i] && t[i]) {
                both++;
            }
        }
        return new Counts(np, nt, both);
    }

    private record Counts(long predicted, long truth, long intersection) {
    }
}
