package org.onepro.core.prompt;

import org.onepro.core.error.InvalidInputException;

/** Shared size and containment checks so every prompt reports out-of-image points in the same words. */
final class ImageBounds {

    private ImageBounds() {
    }

    static void requireSize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new InvalidInputException("image size must be positive but was " + height + "x" + width
                    + " (height x width)");
        }
    }

    static void requireInside(Point p, int height, int width, String what) {
        requireSize(height, width);
        if (p.x() < 0 || p.x() > width - 1 || p.y() < 0 || p.y() > height - 1) {
            throw new InvalidInputException(what + " " + p + " lies outside the " + height + "x" + width
                    + " image (x must be in [0, " + (width - 1) + "] and y in [0, " + (height - 1) + "])");
        }
    }
}
