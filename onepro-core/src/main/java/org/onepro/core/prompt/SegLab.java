package org.onepro.core.prompt;

import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

/**
 * A SegLab prompt: a complete segmentation mask of the target on the template image.
 */
public final class SegLab implements Prompt {

    private final Mask mask;

    private SegLab(Mask mask) {
        this.mask = mask;
    }

    /**
     * Creates a SegLab prompt.
     *
     * @param mask the template mask, with at least one foreground pixel
     * @return the prompt
     * @throws InvalidInputException if the mask has no foreground
     */
    public static SegLab of(Mask mask) {
        Objects.requireNonNull(mask, "mask");
        if (mask.isEmpty()) {
            throw new InvalidInputException("SegLab mask is empty: a " + mask.height() + "x" + mask.width()
                    + " mask with no foreground pixel cannot mark a target");
        }
        return new SegLab(mask);
    }

    /**
     * Returns the template mask (masks are immutable, so no copy is needed).
     *
     * @return the mask
     */
    public Mask mask() {
        return mask;
    }

    @Override
    public PromptType type() {
        return PromptType.SEGLAB;
    }

    @Override
    public void validate(int height, int width) {
        ImageBounds.requireSize(height, width);
        if (mask.height() != height || mask.width() != width) {
            throw new InvalidInputException("SegLab mask is " + mask.height() + "x" + mask.width()
                    + " but the image is " + height + "x" + width + " (height x width)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegLab other && mask.equals(other.mask);
    }

    @Override
    public int hashCode() {
        return mask.hashCode();
    }

    @Override
    public String toString() {
        return "SegLab[" + mask + "]";
    }
}
