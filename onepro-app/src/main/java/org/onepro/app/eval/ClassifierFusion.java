package org.onepro.app.eval;

import java.util.List;
import java.util.Objects;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;

/**
 * The opt-in one-shot path that measured best on held-out tasks: the adapted model's probability averaged with that
 * of the pixel classifier fitted to the same SegLab template (the {@code pixel-classifier} floor), thresholded at
 * 0.5 by the caller. The two fail on different tasks (the classifier on anatomy whose appearance repeats elsewhere
 * in the image, the model on textures it never saw), so their mean beats either (design-decisions.md, entry 40).
 * Holds the classifier's native memory until closed.
 */
public final class ClassifierFusion implements AutoCloseable {

    private final PixelClassifier classifier;

    private ClassifierFusion(PixelClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Fits the classifier to a template and its target's mask.
     *
     * @param seed the seed of the classifier's pixel sample and forest
     */
    public static ClassifierFusion fit(Image template, Mask mask, long seed) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(mask, "mask");
        return new ClassifierFusion(PixelClassifier.fit(List.of(template), List.of(mask),
                PixelClassifier.Settings.defaults(seed)));
    }

    /**
     * The mean of the model's probability for a query and the classifier's.
     *
     * @throws InvalidInputException if the model's map is not at the query's size
     */
    public ProbabilityMap fuse(ProbabilityMap model, Image query) {
        if (model.height() != query.height() || model.width() != query.width()) {
            throw new InvalidInputException("the model's probabilities are " + model.width() + " x " + model.height()
                    + " but the query is " + query.width() + " x " + query.height());
        }
        float[] a = model.data();
        float[] b = classifier.predict(query).data();
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.5f * (a[i] + b[i]);
        }
        return ProbabilityMap.of(a, model.height(), model.width());
    }

    @Override
    public void close() {
        classifier.close();
    }
}
