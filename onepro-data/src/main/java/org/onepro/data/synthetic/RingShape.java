package org.onepro.data.synthetic;

/** An elliptical annulus: the outer ellipse minus the same ellipse scaled by an inner ratio about its centre. */
final class RingShape implements Shape {

    private final EllipseFrame frame;
    private final double innerSquared;

    /**
     * Creates a ring.
     *
     * @param cx          the centre column
     * @param cy          the centre row
     * @param semiMajor   the outer semi-axis along {@code orientation}
     * @param semiMinor   the outer perpendicular semi-axis
     * @param orientation the angle of the major axis, radians
     * @param innerRatio  the hole's size relative to the outer ellipse, in {@code (0, 1)}
     */
    RingShape(double cx, double cy, double semiMajor, double semiMinor, double orientation, double innerRatio) {
        this.frame = new EllipseFrame(cx, cy, semiMajor, semiMinor, orientation);
        this.innerSquared = innerRatio * innerRatio;
    }

    @Override
    public boolean contains(double x, double y) {
        double r = frame.radiusSquared(x, y);
        return r <= 1.0 && r > innerSquared;
    }

    @Override
    public Bounds bounds() {
        return frame.bounds();
    }
}
