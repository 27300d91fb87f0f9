package org.onepro.data.synthetic;

/** A simple polygon (convex or star-shaped) tested with the even-odd rule. */
final class PolygonShape implements Shape {

    private final double[] xs;
    private final double[] ys;
    private final Bounds bounds;

    /**
     * Creates a polygon from its vertices in order around the boundary.
     *
     * @param xs the vertex columns, at least three
     * @param ys the vertex rows, as many as {@code xs}
     */
    PolygonShape(double[] xs, double[] ys) {
        if (xs.length < 3 || xs.length != ys.length) {
            throw new IllegalArgumentException("a polygon needs at least three vertices with both coordinates, got "
                    + xs.length + " and " + ys.length);
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        this.bounds = new Bounds(minX, minY, maxX, maxY);
    }

    @Override
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)) {
                double crossing = xs[j] + (y - ys[j]) * (xs[i] - xs[j]) / (ys[i] - ys[j]);
                if (x < crossing) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    @Override
    public Bounds bounds() {
        return bounds;
    }
}
