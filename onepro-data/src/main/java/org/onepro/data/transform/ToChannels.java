package org.onepro.data.transform;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.data.dataset.LabeledImage;

/**
 * Converts the image to the channel count a model expects with {@link org.onepro.core.image.Image#withChannels}:
 * a grey image is repeated into {@code n} channels, an RGB image is averaged into one. Labels and scribbles pass
 * through. Deterministic; {@code rng} is ignored.
 */
public final class ToChannels implements Transform {

    private final int channels;

    /**
     * Creates the transform.
     *
     * @param channels the wanted channel count, positive
     * @throws IllegalArgumentException if {@code channels} is not positive
     */
    public ToChannels(int channels) {
        if (channels <= 0) {
            throw new IllegalArgumentException("channel count must be positive, got " + channels);
        }
        this.channels = channels;
    }

    /**
     * Converts the image's channels.
     *
     * @param sample the sample
     * @param rng    ignored
     * @return the sample with a {@code channels}-channel image
     * @throws org.onepro.core.error.InvalidInputException if the conversion is neither 1 to n, 3 to 1 nor a no-op
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        return new LabeledImage(sample.task(), sample.id(), sample.image().withChannels(channels), sample.labels(),
                sample.scribbles());
    }

    @Override
    public String toString() {
        return "ToChannels[" + channels + "]";
    }
}
