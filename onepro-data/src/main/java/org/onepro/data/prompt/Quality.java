package org.onepro.data.prompt;

/**
 * How good a simulated prompt is (the paper's levels; the exact definitions are ours and are written
 * in docs/prompts.md). {@link #WRONG} is a negative control: the same prompt type placed on the
 * background, away from the target.
 */
public enum Quality {
    /** The ideal prompt. */
    ORACLE,
    /** A careful annotator. */
    HIGH,
    /** A hurried annotator. */
    MEDIUM,
    /** A sloppy annotator. */
    LOW,
    /** On the background, away from the target (negative control, never used for training). */
    WRONG
}
