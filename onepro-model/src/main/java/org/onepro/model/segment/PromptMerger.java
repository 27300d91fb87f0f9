package org.onepro.model.segment;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;

/**
 * Folds a refinement into the current prompt of an interactive session. Clicks add points and doodles add
 * strokes, because those prompts are lists of evidence; a box or a SegLab mask is one complete statement about
 * the target, so a new one replaces the old. A {@link Prompt} holds one type only, so prompts of different types
 * cannot be combined and are refused rather than silently dropping the user's earlier input.
 */
final class PromptMerger {

    private PromptMerger() {
    }

    static Prompt merge(Prompt current, Prompt additional) {
        if (additional == null) {
            throw new InvalidInputException("a refinement prompt is required");
        }
        if (current == null) {
            return additional;
        }
        if (current instanceof Click c && additional instanceof Click extra) {
            Click merged = c;
            for (ClickPoint p : extra.points()) {
                merged = merged.with(p);
            }
            return merged;
        }
        if (current instanceof Doodle d && additional instanceof Doodle extra) {
            Doodle merged = d;
            for (Stroke s : extra.strokes()) {
                merged = merged.with(s);
            }
            return merged;
        }
        if ((current instanceof BBox && additional instanceof BBox)
                || (current instanceof SegLab && additional instanceof SegLab)) {
            return additional;
        }
        throw new InvalidInputException("cannot refine a " + current.type() + " prompt with a " + additional.type()
                + " prompt: a prompt holds one type (clicks add clicks, doodles add strokes, a box or a mask"
                + " replaces its own kind); call segment(prompt) to start again with the new type");
    }
}
