package org.onepro.data.prompt;

import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Point;

/**
 * A prompt target with the measurements every simulator needs, computed once: its size {@code d = sqrt(area)}, its
 * inside distance map and its oracle point (the pixel farthest from the outside).
 */
final class TargetShape {

    private final Mask mask;
    private final boolean[] fg;
    private final int area;
    private final double[] inside;
    private final int oracle;
    private double[] outside;

    private TargetShape(Mask mask) {
        this.mask = mask;
        this.fg = mask.data();
        int n = 0;
        for (boolean b : fg) {
            if (b) {
                n++;
            }
        }
        this.area = n;
        this.inside = DistanceTransform.toBackground(mask);
        this.oracle = argMax(inside);
    }

    /**
     * Measures a target.
     *
     * @param mask the target, non-empty, on an image of at least 2x2 pixels
     * @return the measured target
     * @throws InvalidInputException if the mask is empty or the image is too small for every prompt type to fit
     */
    static TargetShape of(Mask mask) {
        Objects.requireNonNull(mask, "target");
        if (mask.height() < 2 || mask.width() < 2) {
            // A box needs x1 > x0 inside [0, width - 1], so a one-pixel-wide image cannot hold one.
            throw new InvalidInputException("prompt simulation needs an image of at least 2x2 pixels, got "
                    + mask.height() + "x" + mask.width() + " (height x width)");
        }
        if (mask.isEmpty()) {
            throw new InvalidInputException("cannot simulate a prompt for an empty " + mask.height() + "x"
                    + mask.width() + " target mask");
        }
        return new TargetShape(mask);
    }

    /** The target mask. */
    Mask mask() {
        return mask;
    }

    /** Whether a pixel is in the target. */
    boolean contains(int index) {
        return fg[index];
    }

    /** Rows. */
    int height() {
        return mask.height();
    }

    /** Columns. */
    int width() {
        return mask.width();
    }

    /** Number of target pixels. */
    int area() {
        return area;
    }

    /** The target's size scale {@code d = sqrt(area)} in pixels, against which every jitter is measured. */
    double size() {
        return Math.sqrt(area);
    }

    /** Distance of each pixel to the nearest non-target pixel (image border counts as outside); shared, not copied. */
    double[] insideDistance() {
        return inside;
    }

    /** Distance of each pixel to the nearest target pixel, computed on first use; shared, not copied. */
    double[] outsideDistance() {
        if (outside == null) {
            outside = DistanceTransform.toForeground(mask);
        }
        return outside;
    }

    /** The target pixel farthest from the outside (the first in row-major order among equals). */
    int oracleIndex() {
        return oracle;
    }

    /** The pixel centre of {@link #oracleIndex()}. */
    Point oraclePoint() {
        return centre(oracle);
    }

    /** The largest inside distance, the radius of the biggest inscribed disc. */
    double maxInsideDistance() {
        return inside[oracle];
    }

    /** The pixel centre of a row-major index. */
    Point centre(int index) {
        return new Point(index % width(), index / width());
    }

    /** Clamps a position into the image's continuous extent {@code [0, width - 1] x [0, height - 1]}. */
    Point clamp(double x, double y) {
        return new Point(Math.max(0, Math.min(width() - 1, x)), Math.max(0, Math.min(height() - 1, y)));
    }

    /** The first index of the largest value. */
    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
