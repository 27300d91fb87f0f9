package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * How a task's target compares with its background in mean intensity. Tasks mix all three so that no fixed
 * intensity rule finds the target; in {@link #SIMILAR} tasks only texture and shape tell it apart.
 */
public enum Contrast {
    /** Clearly brighter than the background. */
    BRIGHTER,
    /** Clearly darker than the background. */
    DARKER,
    /** About as bright as the background, within a few percent either way. */
    SIMILAR;

    /** Smallest and largest clear offset; the largest keeps background plus offset inside {@code [0, 1]}. */
    static final double MIN_CLEAR = 0.1;
    static final double MAX_CLEAR = 0.3;
    static final double MAX_SIMILAR = 0.04;

    /**
     * Draws an intensity offset of this contrast.
     *
     * @param rng the source
     * @return the offset relative to the background level
     */
    public double drawOffset(SplittableRandom rng) {
        return switch (this) {
            case BRIGHTER -> rng.nextDouble(MIN_CLEAR, MAX_CLEAR);
            case DARKER -> -rng.nextDouble(MIN_CLEAR, MAX_CLEAR);
            case SIMILAR -> rng.nextDouble(-MAX_SIMILAR, MAX_SIMILAR);
        };
    }

    /**
     * Draws a contrast: brighter and darker with probability 0.4 each, similar with 0.2.
     *
     * @param rng the source
     * @return the contrast
     */
    public static Contrast draw(SplittableRandom rng) {
        double u = rng.nextDouble();
        return u < 0.4 ? BRIGHTER : u < 0.8 ? DARKER : SIMILAR;
    }
}
