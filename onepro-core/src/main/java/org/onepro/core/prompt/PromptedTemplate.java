package org.onepro.core.prompt;

import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;

/**
 * A template image together with the prompt drawn on it: one member of a template ensemble.
 *
 * <p>The prompt is checked against the template's own size when the pair is made, so a bad member of a long
 * ensemble list is reported where it is built rather than halfway through a batch.
 *
 * @param template the template image
 * @param prompt   the prompt, in the template's pixel coordinates
 */
public record PromptedTemplate(Image template, Prompt prompt) {

    /**
     * Validates the pair.
     *
     * @param template the template image
     * @param prompt   the prompt on it
     * @throws InvalidInputException if either is missing or the prompt does not fit the template's size; the
     *                               message names the template size and the offending prompt values
     */
    public PromptedTemplate {
        if (template == null || prompt == null) {
            throw new InvalidInputException("a prompted template needs both a template image and a prompt"
                    + (template == null ? " (template is missing)" : " (prompt is missing)"));
        }
        try {
            prompt.validate(template.height(), template.width());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("the " + prompt.type() + " prompt does not fit its " + template.height()
                    + "x" + template.width() + " (height x width) template: " + e.getMessage(), e);
        }
    }

    /**
     * Pairs a template with a prompt; the same as the constructor, for call sites that read better with a verb.
     *
     * @param template the template image
     * @param prompt   the prompt on it
     * @return the validated pair
     * @throws InvalidInputException as the constructor does
     */
    public static PromptedTemplate of(Image template, Prompt prompt) {
        return new PromptedTemplate(template, prompt);
    }

    /**
     * Describes the pair without printing pixel data.
     *
     * @return the template's size and the prompt
     */
    @Override
    public String toString() {
        return "PromptedTemplate[" + template + ", " + prompt + "]";
    }
}
