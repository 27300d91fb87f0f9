package org.onepro.app.eval;

import java.util.Locale;
import java.util.Optional;
import org.onepro.core.prompt.PromptType;

/** The prompts {@code onepro evaluate} can put on its templates: the four simulated types and human scribbles. */
public enum EvalPrompt {
    /** Simulated clicks. */
    CLICK(PromptType.CLICK),
    /** A simulated box. */
    BBOX(PromptType.BBOX),
    /** A simulated doodle. */
    DOODLE(PromptType.DOODLE),
    /** A simulated mask (SegLab). */
    SEGLAB(PromptType.SEGLAB),
    /** The task's own human scribbles ({@code scribbles/}), given to the model as a doodle. */
    SCRIBBLE(null);

    private final PromptType simulated;

    EvalPrompt(PromptType simulated) {
        this.simulated = simulated;
    }

    /**
     * The prompt type to simulate.
     *
     * @return the type, or empty for human scribbles, which are read rather than simulated
     */
    public Optional<PromptType> simulated() {
        return Optional.ofNullable(simulated);
    }

    /**
     * The name as the command line and the CSV write it.
     *
     * @return the lower-case name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
