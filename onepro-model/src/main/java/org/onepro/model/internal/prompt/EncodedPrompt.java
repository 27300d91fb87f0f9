package org.onepro.model.internal.prompt;

import org.onepro.core.prompt.PromptType;

import java.util.List;

/**
 * One prompt expressed on the model's square input grid, as plain Java arrays: what {@link
 * PromptRasterizer} makes and {@link PromptBatch} stacks into tensors.
 *
 * @param type the prompt type
 * @param part1 normalised positions {@code (u, v)} in [0, 1] of the first part (foreground points,
 *     box top-left corner, foreground stroke samples); empty when absent
 * @param part2 the second part (background points, box bottom-right corner, background strokes)
 * @param partRasters {@code 2 * s * s} rasters of the two parts (blobs at points, stroke pixels)
 * @param channels {@code 2 * s * s} foreground and background rasters for the encoder's prompt
 *     channels (§8.1): for a box its interior and corners, for SegLab the mask
 * @param mask {@code s * s} SegLab mask, or null for sparse prompts
 * @param size the grid side s
 */
public record EncodedPrompt(
        PromptType type,
        List<float[]> part1,
        List<float[]> part2,
        float[] partRasters,
        float[] channels,
        float[] mask,
        int size) {

    /** Checks the array sizes against {@code size}. */
    public EncodedPrompt {
        int plane = size * size;
        if (partRasters.length != 2 * plane || channels.length != 2 * plane || (mask != null && mask.length != plane)) {
            throw new IllegalArgumentException("encoded prompt arrays do not match a " + size + "x" + size + " grid");
        }
        part1 = List.copyOf(part1);
        part2 = List.copyOf(part2);
    }

    /** Index of the type in the embedding tables. */
    public int typeIndex() {
        return type.ordinal();
    }
}
