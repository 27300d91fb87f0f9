package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * Paints a planned scene into a one-channel image in {@code [0, 1]}: a textured background, each object blended
 * over it by its coverage (so edges are anti-aliased), then the task's bias field, blur and noise.
 */
final class SceneRenderer {

    /** Per-image shift of the background level, so absolute intensity varies within a task. */
    private static final double LEVEL_JITTER = 0.05;
    /** Per-image range of the factor applied to every object's offset, so contrast strength varies too. */
    private static final double MIN_CONTRAST_GAIN = 0.8;
    private static final double MAX_CONTRAST_GAIN = 1.2;

    private SceneRenderer() {
    }

    /**
     * Renders a scene.
     *
     * @param spec  the task
     * @param scene the layout
     * @param rng   the sample's generator, continued from planning
     * @return {@code size * size} row-major values in {@code [0, 1]}
     */
    static float[] render(SyntheticTaskSpec spec, Scene scene, SplittableRandom rng) {
        int size = scene.size();
        double level = spec.backgroundLevel() + rng.nextDouble(-LEVEL_JITTER, LEVEL_JITTER);
        // One gain for all objects keeps distractors that share the target's look exactly as bright as it.
        double gain = rng.nextDouble(MIN_CONTRAST_GAIN, MAX_CONTRAST_GAIN);
        float[] image = paint(level, spec.background(), 1, size, rng);
        for (PlacedObject object : scene.objects()) {
            float[] fill = paint(level, object.appearance(), gain, size, rng);
            float[] c = object.coverage();
            for (int i = 0; i < image.length; i++) {
                image[i] += c[i] * (fill[i] - image[i]);
            }
        }
        if (spec.biasStrength() > 0) {
            ImageDegradation.applyBiasField(image, size, spec.biasStrength(), rng);
        }
        if (spec.blurSigma() > 0) {
            image = ImageDegradation.blur(image, size, spec.blurSigma());
        }
        ImageDegradation.addNoise(image, spec.noiseSigma(), rng);
        ImageDegradation.clamp(image);
        return image;
    }

    /** A full plane of one appearance: its mean level plus its texture. */
    static float[] paint(double level, Appearance look, double gain, int size, SplittableRandom rng) {
        float[] texture = TextureSynthesizer.texture(look.texture(), look.textureScale() * size, size, size, rng);
        double mean = level + gain * look.intensityOffset();
        float[] out = new float[texture.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (mean + look.textureContrast() * texture[i]);
        }
        return out;
    }
}
