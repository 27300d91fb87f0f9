package org.onepro.data.dataset;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;

import java.util.Optional;

/**
 * One 2-D sample of a task: the image, its labels and, when a human drew them, its scribbles
 * ({@code 0} none, {@code 1} foreground stroke, {@code 2} background stroke).
 *
 * @param task the task (dataset folder) name
 * @param id the sample's id within the task (file base name, or {@code volume#axis:index} for a slice)
 * @param image the image
 * @param labels the label map, same height and width as the image
 * @param scribbles human scribbles, same size, when present
 */
public record LabeledImage(String task, String id, Image image, LabelMap labels, Optional<LabelMap> scribbles) {

    /** Checks that image, labels and scribbles share one size. */
    public LabeledImage {
        if (labels.height() != image.height() || labels.width() != image.width()) {
            throw new InvalidInputException(task + "/" + id + ": labels are " + labels.height() + "x" + labels.width()
                    + " but the image is " + image.height() + "x" + image.width());
        }
        scribbles.ifPresent(s -> {
            if (s.height() != image.height() || s.width() != image.width()) {
                throw new InvalidInputException(task + "/" + id + ": scribbles are " + s.height() + "x" + s.width()
                        + " but the image is " + image.height() + "x" + image.width());
            }
        });
    }

    /** A sample without scribbles. */
    public static LabeledImage of(String task, String id, Image image, LabelMap labels) {
        return new LabeledImage(task, id, image, labels, Optional.empty());
    }
}
