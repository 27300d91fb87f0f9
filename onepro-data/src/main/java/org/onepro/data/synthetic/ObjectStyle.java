package org.onepro.data.synthetic;

import org.onepro.core.error.InvalidInputException;

/**
 * One kind of object in a task's scenes: its shape family, how it is painted, how big it is and how many
 * instances each image holds.
 *
 * @param kind       the shape family
 * @param appearance how it is painted
 * @param minSize    the smallest characteristic radius (see {@link Shapes#create}) as a fraction of the image side
 * @param maxSize    the largest, at least {@code minSize} and at most 1
 * @param minCount   the fewest instances per image, at least 0
 * @param maxCount   the most instances per image, at least {@code minCount}
 */
public record ObjectStyle(ShapeKind kind, Appearance appearance, double minSize, double maxSize, int minCount,
        int maxCount) {

    /** Checks the ranges. */
    public ObjectStyle {
        if (kind == null || appearance == null) {
            throw new InvalidInputException("an object style needs a shape kind and an appearance");
        }
        if (!(minSize > 0 && minSize <= maxSize && maxSize <= 1)) {
            throw new InvalidInputException("object sizes must satisfy 0 < min <= max <= 1, were " + minSize + " and "
                    + maxSize);
        }
        if (minCount < 0 || maxCount < minCount) {
            throw new InvalidInputException("object counts must satisfy 0 <= min <= max, were " + minCount + " and "
                    + maxCount);
        }
    }
}
