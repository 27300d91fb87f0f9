package org.onepro.data.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How a structure task is imaged, drawn per task the SynthSeg way: every label gets its own random mean
 * intensity and texture, so no brightness order identifies a structure, and the task gets its own acquisition
 * effects, including ultrasound-like speckle.
 *
 * @param level   the background's mean intensity
 * @param looks   each label's appearance, index 0 the background (offsets relative to {@code level})
 * @param speckle the number of looks of multiplicative speckle (0: none; fewer looks, stronger speckle)
 * @param bias    the bias field's peak relative gain change (0: none)
 * @param blur    the Gaussian blur's standard deviation in pixels (0: none)
 * @param noise   the additive Gaussian noise's standard deviation
 */
record StructureLook(double level, Appearance[] looks, int speckle, double bias, double blur, double noise) {

    /**
     * Labels' means stay this far apart (less when many labels must share the range), so each structure stays
     * visible through speckle and noise.
     */
    private static final double MIN_GAP = 0.15;

    static StructureLook sample(int maxLabel, SplittableRandom rng) {
        double[] means = spacedMeans(maxLabel + 1, rng);
        Appearance[] looks = new Appearance[maxLabel + 1];
        for (int k = 0; k <= maxLabel; k++) {
            TextureKind texture = rng.nextBoolean() ? TextureKind.WAVES : TextureKind.VALUE_NOISE;
            looks[k] = new Appearance(k == 0 ? 0 : means[k] - means[0], texture, rng.nextDouble(0.02, 0.4),
                    rng.nextDouble(0, 0.07));
        }
        int speckle = rng.nextDouble() < 0.3 ? rng.nextInt(2, 9) : 0;
        double bias = rng.nextBoolean() ? rng.nextDouble(0.1, 0.35) : 0;
        double blur = rng.nextBoolean() ? rng.nextDouble(0.4, 1.2) : 0;
        return new StructureLook(means[0], looks, speckle, bias, blur, rng.nextDouble(0.005, 0.05));
    }

    /**
     * Means in {@code [0.08, 0.92]}, every two at least the gap apart by construction: sorted uniform draws from a
     * range shortened by the gaps, the k-th moved up by k gaps, then shuffled so no label is always the darkest.
     */
    private static double[] spacedMeans(int count, SplittableRandom rng) {
        double gap = Math.min(MIN_GAP, 0.8 / count);
        double span = 0.84 - (count - 1) * gap;
        double[] means = new double[count];
        for (int k = 0; k < count; k++) {
            means[k] = rng.nextDouble(0, span);
        }
        Arrays.sort(means);
        for (int k = 0; k < count; k++) {
            means[k] += 0.08 + k * gap;
        }
        for (int k = count - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            double t = means[k];
            means[k] = means[j];
            means[j] = t;
        }
        return means;
    }

    /**
     * Paints a label map.
     *
     * @param labels {@code size * size} row-major labels, none above the looks' last index
     * @param size   the side
     * @param rng    the sample's generator
     * @return {@code size * size} row-major intensities in {@code [0, 1]}
     */
    float[] render(int[] labels, int size, SplittableRandom rng) {
        double level = this.level + rng.nextDouble(-0.04, 0.04);
        double gain = rng.nextDouble(0.85, 1.15);
        float[][] planes = new float[looks.length][];
        float[] image = new float[size * size];
        for (int i = 0; i < image.length; i++) {
            int k = labels[i];
            if (planes[k] == null) {
                planes[k] = SceneRenderer.paint(level, looks[k], gain, size, rng);
            }
            image[i] = planes[k][i];
        }
        if (speckle > 0) {
            ImageDegradation.applySpeckle(image, size, speckle, rng);
        }
        if (bias > 0) {
            ImageDegradation.applyBiasField(image, size, bias, rng);
        }
        if (blur > 0) {
            image = ImageDegradation.blur(image, size, blur);
        }
        ImageDegradation.addNoise(image, noise, rng);
        ImageDegradation.clamp(image);
        return image;
    }
}
