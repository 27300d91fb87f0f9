package org.onepro.train.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import org.onepro.model.internal.nn.Scalars;

/**
 * The paper's training loss (§2.3): binary cross-entropy on logits plus soft Dice on sigmoid
 * probabilities, 1:1, per sample, averaged over the batch; plus the IoU head's squared error
 * against the true IoU of the thresholded prediction.
 *
 * <p>Written with native scalars only: DJL's losses multiply by Java numbers, which corrupts
 * gradients on the PyTorch engine (docs/engine-notes.md §4.1).
 */
public final class SegmentationLoss {

    private static final float SMOOTH = 1f;
    private final float iouWeight;
    private final float positiveWeight;

    /** @param iouWeight weight of the IoU-head regression term (the design suggests about 0.1) */
    public SegmentationLoss(float iouWeight) {
        this(iouWeight, 1f);
    }

    /**
     * @param iouWeight      weight of the IoU-head regression term
     * @param positiveWeight weight of target pixels in the cross-entropy (above 1 for small targets), positive
     */
    public SegmentationLoss(float iouWeight, float positiveWeight) {
        if (!(positiveWeight > 0)) {
            throw new IllegalArgumentException("the positive-class weight must be positive, not " + positiveWeight);
        }
        this.iouWeight = iouWeight;
        this.positiveWeight = positiveWeight;
    }

    /** Per-sample BCE on logits {@code (b, 1, h, w)} against targets in {0, 1}: {@code (b)}. */
    public static NDArray binaryCrossEntropy(NDArray logits, NDArray target) {
        // max(x, 0) - x*y + log(1 + exp(-|x|)): stable for large |x|.
        NDArray perPixel = Activation.relu(logits).sub(logits.mul(target))
                .add(Activation.softPlus(logits.abs().neg()));
        // mean() takes one axis only on this engine (docs/engine-notes.md §4.2).
        return perPixel.reshape(perPixel.getShape().get(0), -1).mean(new int[] {1});
    }

    /**
     * Per-sample BCE with target pixels weighted by {@code positiveWeight}: {@code (1 - y) x + (1 + (w - 1) y)
     * softplus(-x)}, which is {@link #binaryCrossEntropy} for {@code w = 1}: {@code (b)}.
     */
    public static NDArray weightedBinaryCrossEntropy(NDArray logits, NDArray target, float positiveWeight) {
        NDArray softplusNeg = Activation.relu(logits.neg()).add(Activation.softPlus(logits.abs().neg()));
        NDArray weight = Scalars.mul(target, positiveWeight - 1f).add(1f);
        NDArray perPixel = target.neg().add(1f).mul(logits).add(weight.mul(softplusNeg));
        return perPixel.reshape(perPixel.getShape().get(0), -1).mean(new int[] {1});
    }

    /** Per-sample soft Dice loss {@code 1 - (2|p∩y| + 1) / (|p| + |y| + 1)}: {@code (b)}. */
    public static NDArray softDice(NDArray logits, NDArray target) {
        NDArray p = Activation.sigmoid(logits);
        NDArray intersection = p.mul(target).sum(new int[] {1, 2, 3});
        NDArray total = p.sum(new int[] {1, 2, 3}).add(target.sum(new int[] {1, 2, 3}));
        NDArray dice = Scalars.mul(intersection, 2f).add(SMOOTH).div(total.add(SMOOTH));
        return dice.neg().add(1f);
    }

    /** The IoU of the thresholded prediction with the target, per sample, without gradient: {@code (b)}. */
    public static NDArray hardIou(NDArray logits, NDArray target) {
        NDArray predicted = logits.gt(0f).toType(target.getDataType(), false);
        NDArray inter = predicted.mul(target).sum(new int[] {1, 2, 3});
        NDArray union = predicted.add(target).sum(new int[] {1, 2, 3}).sub(inter);
        // Empty prediction of an empty target counts as a perfect match.
        return inter.add(1e-6f).div(union.add(1e-6f)).stopGradient();
    }

    /**
     * The full loss, a scalar.
     *
     * @param logits mask logits {@code (b, 1, h, w)}
     * @param target masks {@code (b, 1, h, w)} in {0, 1}
     * @param predictedIou the IoU head's output {@code (b, 1)}
     */
    public NDArray compute(NDArray logits, NDArray target, NDArray predictedIou) {
        NDArray bce = positiveWeight == 1f ? binaryCrossEntropy(logits, target)
                : weightedBinaryCrossEntropy(logits, target, positiveWeight);
        NDArray segmentation = bce.add(softDice(logits, target));
        NDArray iouError = predictedIou.reshape(-1).sub(hardIou(logits, target)).square();
        return segmentation.add(Scalars.mul(iouError, iouWeight)).mean();
    }
}
