package org.onepro.data.synthetic;

/** A rotated ellipse. */
final class EllipseShape implements Shape {

    private final EllipseFrame frame;

    /**
     * Creates an ellipse.
     *
     * @param cx          the centre column
     * @param cy          the centre row
     * @param semiMajor   the semi-axis along {@code orientation}
     * @param semiMinor   the perpendicular semi-axis
     * @param orientation the angle of the major axis, radians
     */
    EllipseShape(double cx, double cy, double semiMajor, double semiMinor, double orientation) {
        this.frame = new EllipseFrame(cx, cy, semiMajor, semiMinor, orientation);
    }

    @Override
    public boolean contains(double x, double y) {
        return frame.radiusSquared(x, y) <= 1.0;
    }

    @Override
    public Bounds bounds() {
        return frame.bounds();
    }
}
