package org.onepro.data.prompt;

/**
 * How far the simulated HIGH, MEDIUM and LOW SegLab prompts erode or dilate the target (docs/prompts.md, SEGLAB).
 * The radii are counted in pixels of the image the prompt is simulated on, which in training is the model grid
 * (128 pixels for the {@code small} preset). There half the real targets have a largest inside distance under 6
 * pixels (docs/prompts.md), and a fixed radius of 4-6 pixels turns such a mask into a blob or a fragment, so the
 * model learns that a small mask says little about the target's shape.
 */
public enum SegLabRadii {
    /** Radius 1 (HIGH), 2-3 (MEDIUM), 4-6 (LOW) pixels, whatever the target's size: the bundled model's training. */
    FIXED,
    /**
     * The same radii, but never more than {@code floor(r / 2)}, with {@code r} the target's largest inside distance
     * (half its thickness): a target with {@code r < 2} is only shifted or warped, and one with {@code r >= 12} gets
     * exactly the {@link #FIXED} prompts.
     */
    THICKNESS_CAPPED
}
