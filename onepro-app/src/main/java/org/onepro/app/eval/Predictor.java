package org.onepro.app.eval;

import java.util.List;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;

/** What segments an evaluation's queries from prompted templates: the model ({@link ModelPredictor}) or a baseline. */
public interface Predictor {

    /**
     * Prepares the segmentation of one target.
     *
     * @param templates the prompted templates of the target, at least one
     * @param masks     the templates' masks of the target, in the same order (what a baseline may copy)
     * @return the target's predictor; close it when its queries are done
     */
    Target target(List<PromptedTemplate> templates, List<Mask> masks);

    /** Segments queries for one target. */
    interface Target extends AutoCloseable {

        /**
         * Segments one query.
         *
         * @param query the query image
         * @return the predicted mask, at the query's size
         */
        Mask predict(Image query);

        /** Frees what the target holds (native memory of an encoded template). */
        @Override
        void close();
    }
}
