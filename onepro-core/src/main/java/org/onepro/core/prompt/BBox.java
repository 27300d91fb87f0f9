package org.onepro.core.prompt;

import org.onepro.core.error.InvalidInputException;

/**
 * A bounding-box prompt: an axis-aligned box in pixel coordinates around the target.
 *
 * @param x0 left edge (column), finite
 * @param y0 top edge (row), finite
 * @param x1 right edge, greater than {@code x0}
 * @param y1 bottom edge, greater than {@code y0}
 */
public record BBox(double x0, double y0, double x1, double y1) implements Prompt {

    /**
     * Validates the corners.
     *
     * @param x0 left edge
     * @param y0 top edge
     * @param x1 right edge
     * @param y1 bottom edge
     * @throws InvalidInputException if a coordinate is NaN or infinite, or the box is inverted or has zero area
     */
    public BBox {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
            throw new InvalidInputException("box (" + x0 + ", " + y0 + ") - (" + x1 + ", " + y1
                    + ") must have finite coordinates");
        }
        if (x1 <= x0 || y1 <= y0) {
            throw new InvalidInputException("inverted box (" + x0 + ", " + y0 + ") - (" + x1 + ", " + y1
                    + "): x1 must exceed x0 and y1 must exceed y0");
        }
    }

    /**
     * Returns the top-left corner.
     *
     * @return {@code (x0, y0)}
     */
    public Point topLeft() {
        return new Point(x0, y0);
    }

    /**
     * Returns the bottom-right corner.
     *
     * @return {@code (x1, y1)}
     */
    public Point bottomRight() {
        return new Point(x1, y1);
    }

    @Override
    public PromptType type() {
        return PromptType.BBOX;
    }

    @Override
    public void validate(int height, int width) {
        ImageBounds.requireInside(topLeft(), height, width, "box corner");
        ImageBounds.requireInside(bottomRight(), height, width, "box corner");
    }
}
