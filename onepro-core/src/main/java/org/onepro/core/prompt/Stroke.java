package org.onepro.core.prompt;

import java.util.List;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;

/**
 * One free-hand stroke of a doodle: a polyline drawn with a brush of the given width.
 *
 * @param points     the polyline vertices in pixel coordinates, at least two, spanning a positive length
 * @param width      brush width in pixels, finite and positive
 * @param foreground {@code true} when the stroke is drawn on the target, {@code false} when it marks background
 */
public record Stroke(List<Point> points, double width, boolean foreground) {

    /**
     * Validates the stroke and takes an immutable copy of its points.
     *
     * @param points     the polyline vertices
     * @param width      brush width in pixels
     * @param foreground whether the stroke marks the target
     * @throws InvalidInputException if there are fewer than two points, the polyline has zero length, or the
     *                               width is not finite and positive
     */
    public Stroke {
        Objects.requireNonNull(points, "points");
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new InvalidInputException("a stroke needs at least 2 points but has " + points.size());
        }
        if (!Double.isFinite(width) || width <= 0) {
            throw new InvalidInputException("stroke width must be finite and positive but was " + width);
        }
        if (length(points) <= 0) {
            throw new InvalidInputException("zero-length stroke: all " + points.size() + " points lie at "
                    + points.get(0));
        }
    }

    private static double length(List<Point> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            total += Math.hypot(b.x() - a.x(), b.y() - a.y());
        }
        return total;
    }
}
