package org.onepro.data.augment;

import java.util.SplittableRandom;
import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;

/** Shared plumbing of the augmentations: argument checks, random draws and rebuilding a sample. */
final class Samples {

    private Samples() {
    }

    /** Checks that {@code p} is a probability. */
    static double probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + p);
        }
        return p;
    }

    /** Checks that {@code [min, max]} is a finite, non-empty range with {@code min >= lowest}. */
    static void range(String name, double min, double max, double lowest) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min >= lowest && min <= max)) {
            throw new IllegalArgumentException(name + " range must be finite with " + lowest + " <= min <= max, got ["
                    + min + ", " + max + "]");
        }
    }

    /**
     * Decides whether a step fires. Exactly one draw whatever the outcome, so a step's decision never depends on
     * how many values an earlier step happened to consume beyond its own.
     */
    static boolean fires(SplittableRandom rng, double probability) {
        return rng.nextDouble() < probability;
    }

    /** A uniform draw from {@code [min, max]}; {@code min} exactly when the range is a single value. */
    static double uniform(SplittableRandom rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }

    /** An image of {@code old}'s shape and spacing holding {@code chw}. */
    static Image imageLike(Image old, float[] chw) {
        Image image = Image.of(chw, old.channels(), old.height(), old.width());
        return old.spacing().map(image::withSpacing).orElse(image);
    }

    /** The sample with its image replaced by {@code chw} values of the same shape; labels and scribbles kept. */
    static LabeledImage withImageData(LabeledImage sample, float[] chw) {
        return new LabeledImage(sample.task(), sample.id(), imageLike(sample.image(), chw), sample.labels(),
                sample.scribbles());
    }

    /**
     * Moves labels by nearest neighbour: destination pixel {@code i} takes source pixel {@code source[i]}, or
     * label 0 where that is negative (outside the source).
     */
    static LabelMap gather(LabelMap labels, int[] source) {
        int[] src = labels.data();
        int[] out = new int[source.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = source[i] < 0 ? 0 : src[source[i]];
        }
        return LabelMap.of(out, labels.height(), labels.width());
    }

    /** Clamps to {@code [0, 1]}; computing in double and rounding once keeps float error from leaving the range. */
    static float unit(double v) {
        return (float) Math.min(1.0, Math.max(0.0, v));
    }
}
