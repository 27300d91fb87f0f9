package org.onepro.app.eval;

import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;

/** What segments an image from a prompt on that same image (interactive use): the model or the box floor. */
public interface InteractivePredictor {

    /**
     * Segments an image prompted on itself.
     *
     * @param image  the image
     * @param prompt the prompt, in the image's pixel coordinates
     * @return the predicted mask, at the image's size
     */
    Mask predict(Image image, Prompt prompt);
}
