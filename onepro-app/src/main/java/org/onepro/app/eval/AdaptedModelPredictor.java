package org.onepro.app.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.adapt.AdaptationSettings;
import org.onepro.train.adapt.AdaptedTemplate;
import org.onepro.train.adapt.TemplateAdapter;

/**
 * The model adapted to each target's template ({@code evaluate --adapt}, {@link TemplateAdapter}), and optionally
 * fused with the pixel classifier fitted to the same template ({@code --fuse-classifier}, {@link ClassifierFusion});
 * the command allows one template per task, since one adapted model is fitted to one template.
 */
public final class AdaptedModelPredictor implements Predictor {

    private final Segmenter segmenter;
    private final AdaptationSettings settings;
    private final boolean fuseClassifier;
    private final Consumer<String> notes;

    /**
     * Wraps a segmenter, which the caller keeps and closes.
     *
     * @param segmenter      the model to adapt from; not modified
     * @param settings       how to adapt (its seed also seeds the classifier)
     * @param fuseClassifier whether to average with the pixel classifier fitted to the template's mask
     * @param notes          receives one line per adaptation with its time
     */
    public AdaptedModelPredictor(Segmenter segmenter, AdaptationSettings settings, boolean fuseClassifier,
            Consumer<String> notes) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fuseClassifier = fuseClassifier;
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        PromptedTemplate t = templates.get(0);
        AdaptedTemplate adapted = TemplateAdapter.adapt(segmenter, t.template(), t.prompt(), settings);
        notes.accept(String.format(Locale.ROOT, "  adapted to the template in %.1f s (final loss %.3f)",
                adapted.seconds(), adapted.finalLoss()));
        ClassifierFusion fusion = null;
        if (fuseClassifier) {
            long t0 = System.nanoTime();
            try {
                fusion = ClassifierFusion.fit(t.template(), masks.get(0), settings.seed());
            } catch (RuntimeException e) {
                adapted.close();
                throw e;
            }
            notes.accept(String.format(Locale.ROOT, "  fitted the pixel classifier in %.1f s",
                    (System.nanoTime() - t0) / 1e9));
        }
        ClassifierFusion classifier = fusion;
        int channels = t.template().channels();
        return new Target() {
            @Override
            public Mask predict(Image query) {
                Image q = query.withChannels(channels);
                SegmentationResult r = adapted.segment(q);
                return classifier == null ? r.mask() : classifier.fuse(r.probabilities(), q).threshold(0.5f);
            }

            @Override
            public void close() {
                adapted.close();
                if (classifier != null) {
                    classifier.close();
                }
            }
        };
    }
}
