package org.onepro.model.segment;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.transform.Letterbox;
import org.onepro.core.transform.PercentileNormalizer;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.prompt.EncodedPrompt;
import org.onepro.model.internal.prompt.PromptRasterizer;

/**
 * Turns user images and prompts into the model's square inputs: intensities to [0, 1] by
 * percentiles, grey or RGB to the model's channel count, and a letterbox to the input size whose
 * inverse maps results back.
 */
final class InputEncoder {

    /** An image on the model grid with the geometry to map results back. */
    record EncodedImage(Image original, Letterbox geometry, float[] pixels) {}

    /** A template image with its prompt on the model grid, and the prompt as given (what applies at full size). */
    record EncodedTemplate(EncodedImage image, EncodedPrompt prompt, Prompt source) {}

    private final OnePromptConfig config;
    private final PromptRasterizer rasterizer;

    InputEncoder(OnePromptConfig config) {
        this.config = config;
        this.rasterizer = new PromptRasterizer(config.inputSize());
    }

    EncodedImage encodeImage(Image image) {
        if (image == null) {
            throw new InvalidInputException("image is required");
        }
        int c = image.channels();
        if (c != 1 && c != 3 && c != config.imageChannels()) {
            throw new InvalidInputException("image has " + c + " channels; the model takes grey (1) or RGB (3) images");
        }
        Image normalised = PercentileNormalizer.DEFAULT.apply(image).withChannels(config.imageChannels());
        Letterbox geometry = Letterbox.forImage(image.height(), image.width(), config.inputSize());
        return new EncodedImage(image, geometry, geometry.apply(normalised).data());
    }

    EncodedTemplate encodeTemplate(EncodedImage image, Prompt prompt) {
        return new EncodedTemplate(image, rasterizer.encode(prompt, image.geometry()), prompt);
    }
}
