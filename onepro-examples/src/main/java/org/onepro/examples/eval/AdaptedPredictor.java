package org.onepro.examples.eval;

import java.util.List;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.train.adapt.TemplateAdapter;

/** Trial: the per-task adapted network of {@link TemplateAdapter}, fitted to the first template. */
public final class AdaptedPredictor implements Predictor {

    private final long seed;
    private final int copies;
    private final int steps;
    private final int width;

    /**
     * A trial predictor.
     *
     * @param seed   seed
     * @param copies augmented copies
     * @param steps  optimiser steps
     * @param width  first network width
     */
    public AdaptedPredictor(long seed, int copies, int steps, int width) {
        this.seed = seed;
        this.copies = copies;
        this.steps = steps;
        this.width = width;
    }

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        long t0 = System.nanoTime();
        TemplateAdapter adapter = TemplateAdapter.fit(templates.get(0).template(), templates.get(0).prompt(), copies,
                steps, width, seed);
        System.err.printf("adapted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return new Target() {
            @Override
            public Mask predict(Image query) {
                return adapter.predict(query).threshold(0.5f);
            }

            @Override
            public void close() {
                adapter.close();
            }
        };
    }
}
