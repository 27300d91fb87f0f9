package org.onepro.app.eval;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.adapt.AdaptationSettings;
import org.onepro.train.adapt.AdaptedTemplate;
import org.onepro.train.adapt.TemplateAdapter;

/**
 * The model adapted to each target's template ({@code evaluate --adapt}, {@link TemplateAdapter}); the command
 * allows one template per task, since one adapted model is fitted to one template.
 */
public final class AdaptedModelPredictor implements Predictor {

    private final Segmenter segmenter;
    private final AdaptationSettings settings;
    private final Consumer<String> notes;

    /**
     * Wraps a segmenter, which the caller keeps and closes.
     *
     * @param segmenter the model to adapt from; not modified
     * @param settings  how to adapt
     * @param notes     receives one line per adaptation with its time
     */
    public AdaptedModelPredictor(Segmenter segmenter, AdaptationSettings settings, Consumer<String> notes) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        PromptedTemplate t = templates.get(0);
        AdaptedTemplate adapted = TemplateAdapter.adapt(segmenter, t.template(), t.prompt(), settings);
        notes.accept(String.format(java.util.Locale.ROOT, "  adapted to the template in %.1f s (final loss %.3f)",
                adapted.seconds(), adapted.finalLoss()));
        int channels = t.template().channels();
        return new Target() {
            @Override
            public Mask predict(Image query) {
                return adapted.segment(query.withChannels(channels)).mask();
            }

            @Override
            public void close() {
                adapted.close();
            }
        };
    }
}
