package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws a random {@link SyntheticTaskSpec}. The draws are arranged so that across tasks the target is brighter,
 * darker or as bright as the background, and in about half the tasks some distractors look exactly like the
 * target, so only shape separates them.
 */
final class TaskSpecSampler {

    /** Size ranges per kind, as fractions of the image side, chosen so each kind covers a similar area. */
    private static final Map<ShapeKind, double[]> SIZE_RANGES = new EnumMap<>(Map.of(
            ShapeKind.ELLIPSE, new double[] {0.07, 0.2},
            ShapeKind.BLOB, new double[] {0.07, 0.2},
            ShapeKind.RING, new double[] {0.09, 0.22},
            ShapeKind.POLYGON, new double[] {0.08, 0.22},
            // A tube's size is half its arc length: long enough to stay a visible fraction of the image.
            ShapeKind.TUBE, new double[] {0.3, 0.55}));

    private static final double SHARED_APPEARANCE_TASKS = 0.5;
    private static final double SHARED_APPEARANCE_DISTRACTORS = 0.6;

    private TaskSpecSampler() {
    }

    /**
     * Draws a spec.
     *
     * @param imageSize the image side
     * @param rng       the task's own generator
     * @return the spec
     */
    static SyntheticTaskSpec sample(int imageSize, SplittableRandom rng) {
        ShapeKind[] kinds = ShapeKind.values();
        shuffle(kinds, rng);
        ShapeKind targetKind = kinds[0];
        Contrast contrast = targetKind == ShapeKind.TUBE ? clearContrast(rng) : Contrast.draw(rng);
        Appearance targetLook = targetAppearance(contrast, rng);
        ObjectStyle target = style(targetKind, targetLook, 1, rng.nextInt(1, SyntheticTaskSpec.MAX_TARGETS + 1), rng);

        int distractorCount = rng.nextInt(2, 5);
        boolean shared = rng.nextDouble() < SHARED_APPEARANCE_TASKS;
        List<ObjectStyle> distractors = new ArrayList<>(distractorCount);
        for (int i = 0; i < distractorCount; i++) {
            // In shared tasks the first distractor always copies the target, so such a task really needs shape.
            boolean copy = shared && (i == 0 || rng.nextDouble() < SHARED_APPEARANCE_DISTRACTORS);
            Appearance look = copy ? targetLook : distractorAppearance(kinds[i + 1], rng);
            distractors.add(style(kinds[i + 1], look, 1, rng.nextInt(1, 3), rng));
        }

        double lowest = Math.min(0, targetLook.intensityOffset());
        double highest = Math.max(0, targetLook.intensityOffset());
        for (ObjectStyle d : distractors) {
            lowest = Math.min(lowest, d.appearance().intensityOffset());
            highest = Math.max(highest, d.appearance().intensityOffset());
        }
        // Keep every object's mean within [0.1, 0.9] so neither end of the range clips its texture away.
        double level = rng.nextDouble(Math.max(0.2, 0.1 - lowest), Math.min(0.8, 0.9 - highest));
        Appearance background = new Appearance(0, texture(rng), rng.nextDouble(0.2, 0.6),
                rng.nextDouble(0.02, 0.07));

        double noise = rng.nextDouble(0.005, 0.05);
        double blur = rng.nextBoolean() ? 0 : rng.nextDouble(0.4, 1.2);
        double bias = rng.nextBoolean() ? 0 : rng.nextDouble(0.1, 0.35);
        return new SyntheticTaskSpec(imageSize, level, background, target, distractors, noise, blur, bias,
                rng.nextLong());
    }

    private static Appearance targetAppearance(Contrast contrast, SplittableRandom rng) {
        double offset = contrast.drawOffset(rng);
        if (contrast == Contrast.SIMILAR) {
            // Without a mean difference the target must stand out by texture: fine-grained and strong against a
            // background whose texture is coarse and faint.
            return new Appearance(offset, texture(rng), rng.nextDouble(0.02, 0.08), rng.nextDouble(0.06, 0.12));
        }
        return new Appearance(offset, texture(rng), rng.nextDouble(0.03, 0.3), rng.nextDouble(0.01, 0.07));
    }

    private static Appearance distractorAppearance(ShapeKind kind, SplittableRandom rng) {
        Contrast contrast = kind == ShapeKind.TUBE ? clearContrast(rng) : Contrast.draw(rng);
        double offset = contrast.drawOffset(rng);
        return new Appearance(offset, texture(rng), rng.nextDouble(0.03, 0.3), rng.nextDouble(0.01, 0.09));
    }

    /**
     * A tube is too thin to show a texture, so only a clear mean difference makes it visible at all; similar
     * contrast is reserved for shapes wide enough to carry a texture.
     */
    private static Contrast clearContrast(SplittableRandom rng) {
        return rng.nextBoolean() ? Contrast.BRIGHTER : Contrast.DARKER;
    }

    private static ObjectStyle style(ShapeKind kind, Appearance look, int minCount, int maxCount,
            SplittableRandom rng) {
        double[] range = SIZE_RANGES.get(kind);
        double lo = range[0];
        double hi = range[1];
        double min = lo + rng.nextDouble(0, 0.5) * (hi - lo);
        double max = min + rng.nextDouble(0.3, 1.0) * (hi - min);
        return new ObjectStyle(kind, look, min, max, minCount, maxCount);
    }

    private static TextureKind texture(SplittableRandom rng) {
        return rng.nextBoolean() ? TextureKind.WAVES : TextureKind.VALUE_NOISE;
    }

    private static void shuffle(ShapeKind[] kinds, SplittableRandom rng) {
        for (int i = kinds.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            ShapeKind t = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = t;
        }
    }
}
