package org.onepro.core.prompt;

/**
 * The four kinds of prompt a one-prompt template can carry.
 */
public enum PromptType {
    /** One or more clicked points. */
    CLICK,
    /** An axis-aligned bounding box. */
    BBOX,
    /** Free-hand strokes drawn over the target. */
    DOODLE,
    /** A full segmentation mask of the template ("SegLab"). */
    SEGLAB
}
