package org.onepro.app.eval;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;
import org.onepro.data.prompt.ScribblePrompts;

/**
 * Puts an evaluation's prompt on a template: simulated at the chosen quality with a generator seeded from the
 * user's seed, the task, the label and the template (so each prompt is reproducible on its own), or read from the
 * template's human scribbles.
 */
final class TemplatePrompter {

    private final EvalPrompt type;
    private final Quality quality;
    private final long seed;

    /** {@code quality} is ignored for scribbles. */
    TemplatePrompter(EvalPrompt type, Quality quality, long seed) {
        this.type = type;
        this.quality = quality;
        this.seed = seed;
    }

    /**
     * The prompt for one target on one template; empty when scribbles are asked for and the template has none
     * with a foreground stroke.
     */
    Optional<Prompt> prompt(LabeledImage template, int label, Mask target) {
        Optional<PromptType> simulated = type.simulated();
        if (simulated.isEmpty()) {
            return template.scribbles().flatMap(ScribblePrompts::fromScribbles).map(d -> (Prompt) d);
        }
        SplittableRandom rng = new SplittableRandom(Seeds.of(seed, "prompt", template.task(), label, template.id()));
        return Optional.of(PromptSimulator.simulate(simulated.get(), target, quality, rng));
    }

    /** The quality as the CSV writes it. */
    String qualityLabel() {
        return type.simulated().isEmpty() ? "human" : quality.name().toLowerCase(Locale.ROOT);
    }
}
