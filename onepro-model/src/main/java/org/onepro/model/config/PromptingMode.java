package org.onepro.model.config;

/** The Prompt-Parser's prompting step (paper Fig. 6 ablation). */
public enum PromptingMode {
    /** Stack {@code [e_t; p1; p2]} along tokens and mix them with a learned N x 3N map (paper eq. 2). */
    STACK_MLP,
    /** {@code e_t + p1 + p2}. */
    ADD,
    /** Concatenate {@code e_t, p1, p2} along channels, then a Linear back to D. */
    CONCAT
}
