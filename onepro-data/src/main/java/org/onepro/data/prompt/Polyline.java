package org.onepro.data.prompt;

import java.util.ArrayList;
import java.util.List;
import org.onepro.core.prompt.Point;

/** Arc-length geometry of open polylines: length, simplification and cutting out a stretch. */
final class Polyline {

    /** The first Douglas–Peucker tolerance, in pixels: drops the staircase vertices of a pixel path. */
    private static final double START_TOLERANCE = 0.5;

    private Polyline() {
    }

    /**
     * The summed length of the segments.
     *
     * @param points the vertices
     * @return the length in pixels, 0 for fewer than two points
     */
    static double length(List<Point> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += distance(points.get(i - 1), points.get(i));
        }
        return total;
    }

    /**
     * Simplifies by Ramer–Douglas–Peucker, starting at a tolerance of half a pixel and doubling it until at most
     * {@code maxPoints} vertices remain; the end points are always kept.
     *
     * @param points    the vertices, at least 2
     * @param maxPoints the most vertices to keep, at least 2
     * @return the kept vertices in order
     */
    static List<Point> simplify(List<Point> points, int maxPoints) {
        if (points.size() <= 2) {
            return List.copyOf(points);
        }
        double tolerance = START_TOLERANCE;
        List<Point> out = douglasPeucker(points, tolerance);
        while (out.size() > maxPoints) {
            tolerance *= 2;
            out = douglasPeucker(points, tolerance);
        }
        return out;
    }

    /**
     * Cuts out the stretch between two arc-length positions, interpolating new end points on the segments they
     * fall on.
     *
     * @param points the vertices, at least 2
     * @param from   start position along the line, in pixels from the first vertex
     * @param to     end position, greater than {@code from}
     * @return the vertices of the stretch, at least 2
     */
    static List<Point> stretch(List<Point> points, double from, double to) {
        List<Point> out = new ArrayList<>();
        out.add(at(points, from));
        double walked = 0;
        for (int i = 1; i < points.size(); i++) {
            walked += distance(points.get(i - 1), points.get(i));
            if (walked > from && walked < to) {
                out.add(points.get(i));
            }
        }
        out.add(at(points, to));
        return out;
    }

    /**
     * The Euclidean distance between two points.
     *
     * @param a one point
     * @param b the other
     * @return the distance in pixels
     */
    static double distance(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /** The point at an arc-length position, clamped to the ends. */
    private static Point at(List<Point> points, double position) {
        double walked = 0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            double seg = distance(a, b);
            if (seg > 0 && walked + seg >= position) {
                double t = Math.max(0, (position - walked) / seg);
                return new Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
            }
            walked += seg;
        }
        return points.get(points.size() - 1);
    }

    private static List<Point> douglasPeucker(List<Point> points, double tolerance) {
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        // An explicit stack of index ranges: skeleton paths can be thousands of pixels long.
        List<int[]> stack = new ArrayList<>();
        stack.add(new int[] {0, points.size() - 1});
        while (!stack.isEmpty()) {
            int[] range = stack.remove(stack.size() - 1);
            int first = range[0];
            int last = range[1];
            double worst = -1;
            int index = -1;
            for (int i = first + 1; i < last; i++) {
                double d = segmentDistance(points.get(i), points.get(first), points.get(last));
                if (d > worst) {
                    worst = d;
                    index = i;
                }
            }
            if (index >= 0 && worst > tolerance) {
                keep[index] = true;
                stack.add(new int[] {first, index});
                stack.add(new int[] {index, last});
            }
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out.add(points.get(i));
            }
        }
        return out;
    }

    private static double segmentDistance(Point p, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        if (len2 == 0) {
            return distance(p, a);
        }
        double t = Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
        return Math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
    }
}
