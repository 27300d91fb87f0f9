package org.onepro.core.image;

import org.onepro.core.error.InvalidInputException;

/**
 * Physical size of one pixel in millimetres.
 *
 * @param x millimetres per pixel along a row (column direction), finite and positive
 * @param y millimetres per pixel along a column (row direction), finite and positive
 */
public record PixelSpacing(double x, double y) {

    /**
     * Validates the spacing.
     *
     * @param x millimetres per pixel along a row
     * @param y millimetres per pixel along a column
     * @throws InvalidInputException if either component is not finite or not positive
     */
    public PixelSpacing {
        if (!Double.isFinite(x) || !Double.isFinite(y) || x <= 0 || y <= 0) {
            throw new InvalidInputException(
                    "pixel spacing (" + x + ", " + y + ") mm must be finite and positive in both directions");
        }
    }
}
