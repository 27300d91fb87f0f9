package org.onepro.app.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.model.segment.PreparedEnsemble;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

/**
 * The model as an evaluation's predictor: the templates are encoded once for all queries of their target; several
 * are ensembled ({@link Segmenter#prepare(List)}, mean probability at 0.5). Queries and templates whose channel
 * counts differ (a grey image in an RGB task) are converted to the first template's count, as the model only
 * requires them to agree.
 */
public final class ModelPredictor implements Predictor {

    private final Segmenter segmenter;

    /**
     * Wraps a segmenter, which the caller keeps and closes.
     *
     * @param segmenter the model
     */
    public ModelPredictor(Segmenter segmenter) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
    }

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        int channels = templates.get(0).template().channels();
        if (templates.size() == 1) {
            PromptedTemplate t = templates.get(0);
            PreparedTemplate prepared = segmenter.prepare(t.template(), t.prompt());
            return new Target() {
                @Override
                public Mask predict(Image query) {
                    return prepared.segment(query.withChannels(channels)).mask();
                }

                @Override
                public void close() {
                    prepared.close();
                }
            };
        }
        List<PromptedTemplate> same = new ArrayList<>(templates.size());
        for (PromptedTemplate t : templates) {
            same.add(new PromptedTemplate(t.template().withChannels(channels), t.prompt()));
        }
        PreparedEnsemble ensemble = segmenter.prepare(same);
        return new Target() {
            @Override
            public Mask predict(Image query) {
                return ensemble.segment(query.withChannels(channels)).mask();
            }

            @Override
            public void close() {
                ensemble.close();
            }
        };
    }
}
