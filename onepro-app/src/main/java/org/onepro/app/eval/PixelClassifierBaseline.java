package org.onepro.app.eval;

import java.util.List;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;

/**
 * The pixel-classifier floor ({@code --baseline pixel-classifier}): one random forest fitted to the pixels of the
 * target's templates ({@link PixelClassifier}), applied to each query and thresholded at 0.5.
 */
public final class PixelClassifierBaseline implements Predictor {

    private final long seed;

    /**
     * A pixel-classifier floor.
     *
     * @param seed the seed of the pixel sample and the forest
     */
    public PixelClassifierBaseline(long seed) {
        this.seed = seed;
    }

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        PixelClassifier classifier = PixelClassifier.fit(templates.stream().map(PromptedTemplate::template).toList(),
                masks, PixelClassifier.Settings.defaults(seed));
        return new Target() {
            @Override
            public Mask predict(Image query) {
                return classifier.predict(query).threshold(0.5f);
            }

            @Override
            public void close() {
                classifier.close();
            }
        };
    }
}
