package org.onepro.core.prompt;

import org.onepro.core.error.InvalidInputException;

/**
 * A continuous position in image pixel coordinates: {@code x} is the column and {@code y} the row, with pixel
 * {@code (i, j)} centred on {@code (i, j)}.
 *
 * @param x column coordinate, finite
 * @param y row coordinate, finite
 */
public record Point(double x, double y) {

    /**
     * Validates the coordinates.
     *
     * @param x column coordinate
     * @param y row coordinate
     * @throws InvalidInputException if either coordinate is NaN or infinite
     */
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InvalidInputException("point (" + x + ", " + y + ") must have finite coordinates");
        }
    }

    /**
     * Formats the point as {@code (x, y)} for error messages.
     *
     * @return the coordinates in parentheses
     */
    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
