package org.onepro.data.synthetic;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onepro.core.error.InvalidInputException;

/**
 * Everything that defines one synthetic task; the samples then vary only in layout, per-image intensity jitter,
 * texture phases and noise.
 *
 * @param imageSize       the side of the square images, in pixels, at least 32
 * @param backgroundLevel the background's mean intensity, in {@code [0, 1]}
 * @param background      the background's texture ({@code intensityOffset} 0)
 * @param target          the target objects: 1 to 3 per image
 * @param distractors     2 to 4 distractor styles, each of a different kind and none of the target's kind
 * @param noiseSigma      the standard deviation of additive Gaussian noise, in {@code [0, 0.2]}
 * @param blurSigma       the standard deviation of the Gaussian blur in pixels, in {@code [0, 3]} (0: no blur)
 * @param biasStrength    the peak relative gain change of a smooth MRI-like bias field, in {@code [0, 0.5]}
 *                        (0: none)
 * @param sampleSeed      the seed every sample's generator is derived from
 */
public record SyntheticTaskSpec(int imageSize, double backgroundLevel, Appearance background, ObjectStyle target,
        List<ObjectStyle> distractors, double noiseSigma, double blurSigma, double biasStrength, long sampleSeed) {

    /** The smallest image side, below which objects shrink to a few pixels. */
    public static final int MIN_IMAGE_SIZE = 32;
    /** The most targets one image may hold. */
    public static final int MAX_TARGETS = 3;

    /** Checks the ranges and that distractors are of other kinds than the target and of each other. */
    public SyntheticTaskSpec {
        if (imageSize < MIN_IMAGE_SIZE) {
            throw new InvalidInputException("synthetic images must be at least " + MIN_IMAGE_SIZE + " pixels wide, "
                    + "was " + imageSize);
        }
        if (!(backgroundLevel >= 0 && backgroundLevel <= 1)) {
            throw new InvalidInputException("background level must lie in [0, 1], was " + backgroundLevel);
        }
        if (background == null || background.intensityOffset() != 0) {
            throw new InvalidInputException("the background appearance must exist and have intensity offset 0");
        }
        if (target == null || target.minCount() < 1 || target.maxCount() > MAX_TARGETS) {
            throw new InvalidInputException("the target must appear 1 to " + MAX_TARGETS + " times per image, was "
                    + (target == null ? "missing" : target.minCount() + " to " + target.maxCount()));
        }
        distractors = List.copyOf(distractors);
        if (distractors.size() < 2 || distractors.size() > 4) {
            throw new InvalidInputException("a task needs 2 to 4 distractor styles, had " + distractors.size());
        }
        Set<ShapeKind> kinds = EnumSet.of(target.kind());
        for (ObjectStyle d : distractors) {
            if (!kinds.add(d.kind())) {
                throw new InvalidInputException("distractor kind " + d.kind() + " repeats the target's or another "
                        + "distractor's kind");
            }
        }
        checkRange(noiseSigma, 0.2, "noise sigma");
        checkRange(blurSigma, 3, "blur sigma");
        checkRange(biasStrength, 0.5, "bias strength");
    }

    private static void checkRange(double value, double max, String name) {
        if (!(value >= 0 && value <= max)) {
            throw new InvalidInputException(name + " must lie in [0, " + max + "], was " + value);
        }
    }
}
