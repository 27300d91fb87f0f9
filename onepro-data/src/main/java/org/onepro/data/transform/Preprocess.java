package org.onepro.data.transform;

import org.onepro.core.transform.PercentileNormalizer;

/**
 * The deterministic preprocessing that turns a dataset sample into model input.
 */
public final class Preprocess {

    private Preprocess() {
    }

    /**
     * Returns the model-input pipeline: {@link PercentileNormalizer#DEFAULT} percentile normalisation, then
     * {@link ToChannels}, then {@link ResizePad}. These are the segmenter's inference steps in the same order
     * (normalise, convert channels, letterbox), so a model is trained on exactly the pixels it will later see;
     * normalising before resizing matters because the percentiles of the padded canvas would differ.
     *
     * @param size     the model's square input size, positive
     * @param channels the model's image channel count, positive
     * @return the pipeline; it ignores its random generator
     * @throws IllegalArgumentException if {@code size} or {@code channels} is not positive
     */
    public static Transform forModel(int size, int channels) {
        return NormalizeIntensity.using(PercentileNormalizer.DEFAULT, "percentile(default)")
                .then(new ToChannels(channels))
                .then(new ResizePad(size));
    }
}
