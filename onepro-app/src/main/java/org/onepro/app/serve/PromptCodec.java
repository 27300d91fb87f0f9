package org.onepro.app.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.ImageDecoding;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.SegLab;
import org.onepro.data.prompt.PromptJson;
import org.onepro.data.prompt.PromptRecord;

/**
 * Prompts as the page sends them: {@code {"type": ..., "content": ...}} with the content of the prompt JSON
 * records ({@link PromptJson}), except that a SegLab mask travels inline as {@code {"maskPng": "data:image/png;
 * base64,..."}} (non-zero pixels are foreground) instead of as a file path.
 */
final class PromptCodec {

    private static final Path NO_FILE = Path.of("request.json");
    private static final String PNG_DATA_URL = "data:image/png;base64,";

    private PromptCodec() {
    }

    /**
     * Decodes a prompt and checks that it fits an image of the given size.
     *
     * @throws ApiException 400 naming what is wrong
     */
    static Prompt decode(JsonElement json, int height, int width) {
        if (json == null || !json.isJsonObject()) {
            throw ApiException.badRequest("a prompt {\"type\": ..., \"content\": ...} is required");
        }
        JsonObject o = json.getAsJsonObject();
        String type = o.has("type") && o.get("type").isJsonPrimitive() ? o.get("type").getAsString() : null;
        JsonElement content = o.get("content");
        if (type == null || content == null) {
            throw ApiException.badRequest("a prompt needs a \"type\" (click, bbox, doodle, seglab) and a \"content\"");
        }
        Prompt prompt;
        try {
            prompt = type.equals("seglab") ? segLab(content, height, width)
                    : PromptJson.toPrompt(new PromptRecord("page", "page", type, content), NO_FILE);
            prompt.validate(height, width);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return prompt;
    }

    private static SegLab segLab(JsonElement content, int height, int width) {
        JsonElement png = content.isJsonObject() ? content.getAsJsonObject().get("maskPng") : null;
        // Anything but a string (null, a number, an object) is the same mistake as a missing mask.
        String url = png != null && png.isJsonPrimitive() && png.getAsJsonPrimitive().isString() ? png.getAsString()
                : "";
        if (!url.startsWith(PNG_DATA_URL)) {
            throw new InvalidInputException("a SegLab prompt's content must be {\"maskPng\": \"" + PNG_DATA_URL
                    + "...\"}");
        }
        BufferedImage img;
        try {
            byte[] bytes = Base64.getDecoder().decode(url.substring(PNG_DATA_URL.length()));
            if (bytes.length > Uploads.MAX_BYTES) {
                throw ApiException.tooLarge("the SegLab mask is larger than " + Uploads.MAX_BYTES + " bytes");
            }
            img = ImageDecoding.read(bytes, "the SegLab mask");
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("the SegLab mask is not a readable PNG: " + e.getMessage());
        }
        if (img == null) {
            throw new InvalidInputException("the SegLab mask is not a readable PNG");
        }
        if (img.getHeight() != height || img.getWidth() != width) {
            throw new InvalidInputException("the SegLab mask is " + img.getWidth() + " x " + img.getHeight()
                    + " but the template is " + width + " x " + height);
        }
        // Painted masks come from a canvas with alpha: a pixel is foreground where it is painted at all.
        boolean[] fg = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = img.getRGB(x, y);
                fg[y * width + x] = (argb >>> 24) != 0 && (argb & 0xFFFFFF) != 0;
            }
        }
        Mask mask = Mask.of(fg, height, width);
        if (mask.isEmpty()) {
            throw new InvalidInputException("the SegLab mask is empty: paint or upload the target first");
        }
        return SegLab.of(mask);
    }
}
