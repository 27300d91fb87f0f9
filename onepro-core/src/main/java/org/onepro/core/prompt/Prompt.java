package org.onepro.core.prompt;

import org.onepro.core.error.InvalidInputException;

/**
 * A user prompt drawn on a template image telling the model which structure to segment.
 */
public sealed interface Prompt permits Click, BBox, Doodle, SegLab {

    /**
     * Returns the kind of prompt.
     *
     * @return the prompt type
     */
    PromptType type();

    /**
     * Checks that the prompt fits an image of the given size.
     *
     * @param height image rows
     * @param width  image columns
     * @throws InvalidInputException if the size is not positive or the prompt does not fit, naming the offending
     *                               values
     */
    void validate(int height, int width);
}
