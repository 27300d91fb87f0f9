package org.onepro.train.adapt;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.onepro.core.image.Image;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

/**
 * A template with the model adapted to it ({@link TemplateAdapter}): its encoding is computed once and segments any
 * number of queries. Holds native memory (a copy of the model's weights): close it.
 */
public final class AdaptedTemplate implements AutoCloseable {

    private final NDManager manager;
    private final Segmenter segmenter;
    private final PreparedTemplate prepared;
    private final double finalLoss;
    private final double seconds;

    AdaptedTemplate(NDManager manager, Segmenter segmenter, PreparedTemplate prepared, double finalLoss,
            double seconds) {
        this.manager = manager;
        this.segmenter = segmenter;
        this.prepared = prepared;
        this.finalLoss = finalLoss;
        this.seconds = seconds;
    }

    /** Segments one query with the adapted model. */
    public SegmentationResult segment(Image query) {
        return prepared.segment(query);
    }

    /** Segments several queries with the adapted model, in order. */
    public List<SegmentationResult> segment(List<Image> queries) {
        return prepared.segment(queries);
    }

    /** The mean training loss over the last quarter of the adaptation's steps. */
    public double finalLoss() {
        return finalLoss;
    }

    /** Wall-clock seconds the adaptation took, including copying the model and encoding the template. */
    public double seconds() {
        return seconds;
    }

    @Override
    public void close() {
        prepared.close();
        segmenter.close();
        manager.close();
    }
}
