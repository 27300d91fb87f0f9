package org.onepro.classic.fusion;

import java.util.List;
import java.util.Objects;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.classic.grid.Grid;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;

/**
 * What a template contributes to every pair it forms, computed once: its pixel classifier, and how well such a
 * classifier carries over within the template (fitted on half of its 16-pixel checkerboard blocks, Dice on the
 * other half) — low where the target is not told apart by its look. Holds native memory: close it.
 */
public final class TemplateCues implements AutoCloseable {

    private static final int BLOCK = 16;

    private final Image image;
    private final Mask mask;
    private final PixelClassifier classifier;
    private final double selfDice;

    private TemplateCues(Image image, Mask mask, PixelClassifier classifier, double selfDice) {
        this.image = image;
        this.mask = mask;
        this.classifier = classifier;
        this.selfDice = selfDice;
    }

    /**
     * Fits the template's cues.
     *
     * @param image    the template image
     * @param mask     its mask of the target (holding target and background)
     * @param settings the pixel classifier's settings
     * @return the cues
     */
    public static TemplateCues fit(Image image, Mask mask, PixelClassifier.Settings settings) {
        Objects.requireNonNull(image, "image");
        PixelClassifier full = PixelClassifier.fit(List.of(image), List.of(mask), settings);
        double self;
        int[] size = Grid.fit(image.height(), image.width(), settings.maxSide());
        boolean[] even = checkerboard(size[0], size[1], true);
        Mask fitted = mask.resizeNearest(size[0], size[1]);
        boolean[] labels = fitted.data();
        boolean anyEvenTarget = false;
        for (int i = 0; i < labels.length; i++) {
            anyEvenTarget |= even[i] && labels[i];
        }
        if (!anyEvenTarget) {
            self = 0;
        } else {
            try (PixelClassifier half = PixelClassifier.fit(List.of(image), List.of(mask), List.of(even),
                    settings)) {
                boolean[] predicted = half.predict(image).threshold(0.5f).resizeNearest(size[0], size[1]).data();
                boolean[] odd = checkerboard(size[0], size[1], false);
                boolean[] p = new boolean[odd.length];
                boolean[] t = new boolean[odd.length];
                for (int i = 0; i < odd.length; i++) {
                    p[i] = odd[i] && predicted[i];
                    t[i] = odd[i] && labels[i];
                }
                self = SegmentationMetrics.dice(Mask.of(p, size[0], size[1]), Mask.of(t, size[0], size[1]));
            } catch (org.onepro.core.error.InvalidInputException e) {
                // Half the template held only one class: nothing to carry over.
                self = 0;
            }
        }
        return new TemplateCues(image, mask, full, self);
    }

    private static boolean[] checkerboard(int h, int w, boolean even) {
        boolean[] out = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (((y / BLOCK) + (x / BLOCK)) % 2 == 0) == even;
            }
        }
        return out;
    }

    /** The template image. */
    public Image image() {
        return image;
    }

    /** The template's mask of the target. */
    public Mask mask() {
        return mask;
    }

    /** The classifier fitted to all of the template's pixels. */
    public PixelClassifier classifier() {
        return classifier;
    }

    /** Dice of a classifier fitted to half the template's blocks on the other half, 0 to 1. */
    public double selfDice() {
        return selfDice;
    }

    @Override
    public void close() {
        classifier.close();
    }
}
