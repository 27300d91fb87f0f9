package org.onepro.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;

/**
 * Mirrors a sample left-right and/or top-bottom, each with its own probability. Image, labels and scribbles move
 * by the same pixel permutation, so values are copied, never interpolated.
 *
 * <p>Mirroring swaps anatomical left and right. When query and template are mirrored independently, a task whose
 * targets differ only by side (left versus right kidney) becomes ambiguous when exactly one of them is mirrored;
 * training therefore mirrors the pair together ({@link Augmentation#mirrors()} with shared draws), or use a horizontal
 * probability of 0 for such tasks.
 */
public final class Flip implements Transform {

    private final double horizontalProbability;
    private final double verticalProbability;

    /**
     * Creates the transform.
     *
     * @param horizontalProbability chance of a left-right mirror, in {@code [0, 1]}
     * @param verticalProbability   chance of a top-bottom mirror, in {@code [0, 1]}
     * @throws IllegalArgumentException if a probability is outside {@code [0, 1]}
     */
    public Flip(double horizontalProbability, double verticalProbability) {
        this.horizontalProbability = Samples.probability("horizontal flip probability", horizontalProbability);
        this.verticalProbability = Samples.probability("vertical flip probability", verticalProbability);
    }

    /**
     * Draws both decisions and mirrors accordingly.
     *
     * @param sample the sample
     * @param rng    source of the two decisions
     * @return the mirrored sample, or {@code sample} itself when neither mirror fires
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        boolean horizontal = Samples.fires(rng, horizontalProbability);
        boolean vertical = Samples.fires(rng, verticalProbability);
        return mirror(sample, horizontal, vertical);
    }

    /**
     * Mirrors a sample as told, with no draw.
     *
     * @param sample     the sample
     * @param horizontal mirror left-right
     * @param vertical   mirror top-bottom
     * @return the mirrored sample, or {@code sample} itself when neither mirror is asked for
     */
    public static LabeledImage mirror(LabeledImage sample, boolean horizontal, boolean vertical) {
        Objects.requireNonNull(sample, "sample");
        if (!horizontal && !vertical) {
            return sample;
        }
        int h = sample.image().height();
        int w = sample.image().width();
        int[] source = new int[h * w];
        for (int y = 0; y < h; y++) {
            int sy = vertical ? h - 1 - y : y;
            for (int x = 0; x < w; x++) {
                source[y * w + x] = sy * w + (horizontal ? w - 1 - x : x);
            }
        }
        float[] in = sample.image().data();
        float[] out = new float[in.length];
        int plane = h * w;
        for (int c = 0; c < sample.image().channels(); c++) {
            int base = c * plane;
            for (int i = 0; i < plane; i++) {
                out[base + i] = in[base + source[i]];
            }
        }
        return new LabeledImage(sample.task(), sample.id(), Samples.imageLike(sample.image(), out),
                Samples.gather(sample.labels(), source),
                sample.scribbles().map(s -> Samples.gather(s, source)));
    }

    @Override
    public String toString() {
        return "Flip[horizontal p=" + horizontalProbability + ", vertical p=" + verticalProbability + "]";
    }
}
