package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * A union of capsules (line segments with a half-thickness), which is how a polyline of constant or
 * piecewise-constant thickness is drawn. A coarse grid over the bounding box lists the segments near each cell,
 * so a point test looks at a handful of segments instead of the whole curve.
 */
final class TubeShape implements Shape {

    private static final double CELL = 8.0;

    private final double[] x0;
    private final double[] y0;
    private final double[] x1;
    private final double[] y1;
    private final double[] halfWidth;
    private final Bounds bounds;
    private final int columns;
    private final int rows;
    private final int[][] cells;

    /**
     * Creates a tube from its segments.
     *
     * @param segments the segments, each {@code {x0, y0, x1, y1, halfWidth}}; at least one
     */
    TubeShape(List<double[]> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a tube needs at least one segment");
        }
        int n = segments.size();
        x0 = new double[n];
        y0 = new double[n];
        x1 = new double[n];
        y1 = new double[n];
        halfWidth = new double[n];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double[] s = segments.get(i);
            x0[i] = s[0];
            y0[i] = s[1];
            x1[i] = s[2];
            y1[i] = s[3];
            halfWidth[i] = s[4];
            minX = Math.min(minX, Math.min(s[0], s[2]) - s[4]);
            maxX = Math.max(maxX, Math.max(s[0], s[2]) + s[4]);
            minY = Math.min(minY, Math.min(s[1], s[3]) - s[4]);
            maxY = Math.max(maxY, Math.max(s[1], s[3]) + s[4]);
        }
        bounds = new Bounds(minX, minY, maxX, maxY);
        columns = (int) Math.floor((maxX - minX) / CELL) + 1;
        rows = (int) Math.floor((maxY - minY) / CELL) + 1;
        cells = index();
    }

    @Override
    public boolean contains(double x, double y) {
        if (x < bounds.minX() || x > bounds.maxX() || y < bounds.minY() || y > bounds.maxY()) {
            return false;
        }
        int c = Math.min(columns - 1, (int) ((x - bounds.minX()) / CELL));
        int r = Math.min(rows - 1, (int) ((y - bounds.minY()) / CELL));
        for (int i : cells[r * columns + c]) {
            if (distanceSquared(i, x, y) <= halfWidth[i] * halfWidth[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Bounds bounds() {
        return bounds;
    }

    /** Lists, for every grid cell, the segments whose padded box overlaps it. */
    private int[][] index() {
        List<List<Integer>> lists = new ArrayList<>(rows * columns);
        for (int i = 0; i < rows * columns; i++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < x0.length; i++) {
            int c0 = cell(Math.min(x0[i], x1[i]) - halfWidth[i], bounds.minX(), columns);
            int c1 = cell(Math.max(x0[i], x1[i]) + halfWidth[i], bounds.minX(), columns);
            int r0 = cell(Math.min(y0[i], y1[i]) - halfWidth[i], bounds.minY(), rows);
            int r1 = cell(Math.max(y0[i], y1[i]) + halfWidth[i], bounds.minY(), rows);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    lists.get(r * columns + c).add(i);
                }
            }
        }
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static int cell(double v, double origin, int count) {
        return Math.max(0, Math.min(count - 1, (int) Math.floor((v - origin) / CELL)));
    }

    /** Squared distance from a point to segment {@code i}. */
    private double distanceSquared(int i, double x, double y) {
        double dx = x1[i] - x0[i];
        double dy = y1[i] - y0[i];
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((x - x0[i]) * dx + (y - y0[i]) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = x - (x0[i] + t * dx);
        double ey = y - (y0[i] + t * dy);
        return ex * ex + ey * ey;
    }
}
