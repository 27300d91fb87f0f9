package org.onepro.train.batch;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.onepro.data.episode.Episode;

/** Turns a step's episodes into tensors ({@link EpisodeBatches} is the standard way). */
@FunctionalInterface
public interface BatchAssembler {

    /** The batch of {@code episodes}, its arrays owned by {@code manager}. */
    TrainingBatch assemble(NDManager manager, List<Episode> episodes);
}
