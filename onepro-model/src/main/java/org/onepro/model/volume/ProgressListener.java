package org.onepro.model.volume;

/** Hears about the progress of a long volume segmentation, once per finished slice. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Called after each slice, in slice order, on the segmenting thread.
     *
     * @param done  slices finished so far, from 1 to {@code total}
     * @param total slices along the axis
     */
    void slice(int done, int total);
}
