package org.onepro.data.episode;

import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.prompt.Quality;

import java.util.SplittableRandom;

/** Makes the template's prompt of an episode (normally the prompt simulator). */
@FunctionalInterface
public interface PromptSource {

    /** A prompt of {@code type} and {@code quality} for {@code target}, drawing every choice from {@code rng}. */
    Prompt prompt(PromptType type, Mask target, Quality quality, SplittableRandom rng);
}
