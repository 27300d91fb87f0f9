package org.onepro.data.synthetic;

/**
 * The coordinate frame of a rotated ellipse, in which the ellipse is the unit circle; ellipses and rings share
 * it. The rotation's sine and cosine are computed once, since shapes are tested at thousands of points.
 */
final class EllipseFrame {

    private final double cx;
    private final double cy;
    private final double a;
    private final double b;
    private final double cos;
    private final double sin;

    /**
     * Creates the frame.
     *
     * @param cx    the centre column
     * @param cy    the centre row
     * @param a     the semi-axis along {@code angle}, positive
     * @param b     the perpendicular semi-axis, positive
     * @param angle the direction of the first axis, radians
     */
    EllipseFrame(double cx, double cy, double a, double b, double angle) {
        this.cx = cx;
        this.cy = cy;
        this.a = a;
        this.b = b;
        // StrictMath gives the same bits on every JVM and platform, so samples reproduce across machines.
        this.cos = StrictMath.cos(angle);
        this.sin = StrictMath.sin(angle);
    }

    /** The squared radius of a point in this frame: below 1 inside the ellipse. */
    double radiusSquared(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        double u = (dx * cos + dy * sin) / a;
        double v = (-dx * sin + dy * cos) / b;
        return u * u + v * v;
    }

    /** A box around the whole ellipse. */
    Shape.Bounds bounds() {
        return Shape.Bounds.around(cx, cy, Math.max(a, b));
    }
}
