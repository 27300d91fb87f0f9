package org.onepro.data.transform;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.onepro.core.image.Image;
import org.onepro.core.transform.PercentileNormalizer;
import org.onepro.data.dataset.LabeledImage;

/**
 * Maps a sample's intensities to {@code [0, 1]}; labels and scribbles pass through unchanged. Deterministic;
 * {@code rng} is ignored. Two mappings exist: per-image percentiles (any modality, the one the segmenter uses)
 * and a fixed CT window (Hounsfield units, so every scan of one body region gets the same tissue contrast).
 */
public final class NormalizeIntensity implements Transform {

    private final UnaryOperator<Image> mapping;
    private final String description;

    private NormalizeIntensity(UnaryOperator<Image> mapping, String description) {
        this.mapping = mapping;
        this.description = description;
    }

    /**
     * Clips each image at its own percentiles and rescales to {@code [0, 1]}, exactly as
     * {@link PercentileNormalizer} does.
     *
     * @param low  lower percentile in {@code [0, 100)}
     * @param high upper percentile in {@code (low, 100]}
     * @return the transform
     * @throws IllegalArgumentException if the percentiles are out of range or not increasing
     */
    public static NormalizeIntensity percentile(double low, double high) {
        return using(new PercentileNormalizer(low, high), "percentile(" + low + ", " + high + ")");
    }

    /**
     * Applies a CT window: values are clipped to {@code [level - width/2, level + width/2]} and mapped linearly
     * to {@code [0, 1]}. The image must still be in Hounsfield units (e.g. a slice of a CT volume); a PNG
     * already scaled to {@code [0, 1]} would come out almost constant. Abdomen soft tissue is level 40, width 400.
     *
     * @param level window centre in HU
     * @param width window width in HU, positive
     * @return the transform
     * @throws IllegalArgumentException if the level is not finite or the width is not finite and positive
     */
    public static NormalizeIntensity ctWindow(double level, double width) {
        if (!Double.isFinite(level) || !Double.isFinite(width) || width <= 0) {
            throw new IllegalArgumentException("CT window needs a finite level and a finite positive width, got level "
                    + level + ", width " + width);
        }
        double low = level - width / 2;
        return new NormalizeIntensity(image -> window(image, low, width),
                "ctWindow(" + level + ", " + width + ")");
    }

    /** Lets {@link Preprocess} use the segmenter's own normaliser instance, so the two cannot drift apart. */
    static NormalizeIntensity using(PercentileNormalizer normalizer, String description) {
        Objects.requireNonNull(normalizer, "normalizer");
        return new NormalizeIntensity(normalizer::apply, description);
    }

    /**
     * Normalises the image.
     *
     * @param sample the sample
     * @param rng    ignored
     * @return the sample with its image mapped to {@code [0, 1]}
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        return new LabeledImage(sample.task(), sample.id(), mapping.apply(sample.image()), sample.labels(),
                sample.scribbles());
    }

    @Override
    public String toString() {
        return "NormalizeIntensity." + description;
    }

    private static Image window(Image image, double low, double width) {
        float[] data = image.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.min(1.0, Math.max(0.0, (data[i] - low) / width));
        }
        Image out = Image.of(data, image.channels(), image.height(), image.width());
        return image.spacing().map(out::withSpacing).orElse(out);
    }
}
