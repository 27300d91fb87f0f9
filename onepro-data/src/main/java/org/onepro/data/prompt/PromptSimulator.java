package org.onepro.data.prompt;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;

/**
 * Simulates the prompt a person of a given {@link Quality} would draw on a target. The definitions of the levels,
 * type by type, are in {@code docs/prompts.md}; every jitter is measured against the target size
 * {@code d = sqrt(target area)} so that a level means the same thing for a small lesion and a large organ. Every
 * random choice comes from the generator passed in, so the same seed gives the same prompt, and every prompt fits
 * the target's image ({@link Prompt#validate} passes).
 */
public final class PromptSimulator {

    private PromptSimulator() {
    }

    /**
     * Simulates one prompt.
     *
     * @param type    the prompt type
     * @param target  the target mask, non-empty, on an image of at least 2x2 pixels
     * @param quality the quality level ({@link Quality#WRONG} places the prompt on the background)
     * @param rng     the generator every random choice is drawn from
     * @return a prompt that validates against the target's height and width
     * @throws InvalidInputException if the target is empty or the image smaller than 2x2, or, for
     *                               {@link Quality#WRONG}, the target covers the whole image
     */
    public static Prompt simulate(PromptType type, Mask target, Quality quality, SplittableRandom rng) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(rng, "rng");
        TargetShape shape = TargetShape.of(target);
        return switch (type) {
            case CLICK -> ClickSimulator.simulate(shape, quality, rng);
            case BBOX -> BoxSimulator.simulate(shape, quality, rng);
            case DOODLE -> DoodleSimulator.simulate(shape, quality, rng);
            case SEGLAB -> SegLabSimulator.simulate(shape, quality, rng);
        };
    }
}
