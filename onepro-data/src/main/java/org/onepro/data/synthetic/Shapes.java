package org.onepro.data.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Creates one random instance of a {@link ShapeKind}: the caller fixes where it is, how big and which way it
 * points, and the generator draws everything else (aspect ratio, wobble, vertex count, thickness, branching).
 */
public final class Shapes {

    private Shapes() {
    }

    /**
     * Creates a shape.
     *
     * @param kind        the family
     * @param cx          the centre column
     * @param cy          the centre row
     * @param size        the characteristic radius in pixels: the semi-major axis of an ellipse or ring, the mean
     *                    radius of a blob, the outer radius of a polygon, and half the main arc length of a tube
     * @param orientation the main axis or heading, radians
     * @param rng         the source of the remaining parameters
     * @return the shape
     */
    public static Shape create(ShapeKind kind, double cx, double cy, double size, double orientation,
            SplittableRandom rng) {
        if (!(size > 0)) {
            throw new IllegalArgumentException("shape size must be positive, was " + size);
        }
        return switch (kind) {
            case ELLIPSE -> new EllipseShape(cx, cy, size, size * rng.nextDouble(0.45, 1.0), orientation);
            case RING -> new RingShape(cx, cy, size, size * rng.nextDouble(0.7, 1.0), orientation,
                    rng.nextDouble(0.45, 0.7));
            case BLOB -> blob(cx, cy, size, orientation, rng);
            case POLYGON -> rng.nextBoolean() ? convexPolygon(cx, cy, size, orientation, rng)
                    : star(cx, cy, size, orientation, rng);
            case TUBE -> TubeBuilder.build(cx, cy, size, orientation, rng);
        };
    }

    private static Shape blob(double cx, double cy, double size, double orientation, SplittableRandom rng) {
        int count = rng.nextInt(2, 5);
        int[] harmonics = new int[count];
        double[] amplitudes = new double[count];
        double[] phases = new double[count];
        // Harmonics 2..5 give lumps and dents; the amplitude budget keeps the radius between 0.6 and 1.4 of the
        // mean so the blob never pinches into pieces.
        double budget = rng.nextDouble(0.15, 0.4);
        for (int k = 0; k < count; k++) {
            harmonics[k] = 2 + k;
            amplitudes[k] = budget / count * rng.nextDouble(0.5, 1.5) / (1 + 0.3 * k);
            phases[k] = rng.nextDouble(0, 2 * Math.PI);
        }
        return new BlobShape(cx, cy, size * 0.9, rng.nextDouble(0.7, 1.0), orientation, harmonics, amplitudes,
                phases);
    }

    /** Vertices at sorted random angles on an ellipse: points on a convex curve in angular order are convex. */
    private static Shape convexPolygon(double cx, double cy, double size, double orientation, SplittableRandom rng) {
        int n = rng.nextInt(5, 10);
        double minor = size * rng.nextDouble(0.6, 1.0);
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            // Jittered slots rather than free angles, so no two vertices bunch up into a degenerate sliver.
            angles[i] = (i + rng.nextDouble(0.15, 0.85)) * 2 * Math.PI / n;
        }
        Arrays.sort(angles);
        double[] xs = new double[n];
        double[] ys = new double[n];
        double cos = StrictMath.cos(orientation);
        double sin = StrictMath.sin(orientation);
        for (int i = 0; i < n; i++) {
            double u = size * StrictMath.cos(angles[i]);
            double v = minor * StrictMath.sin(angles[i]);
            xs[i] = cx + u * cos - v * sin;
            ys[i] = cy + u * sin + v * cos;
        }
        return new PolygonShape(xs, ys);
    }

    private static Shape star(double cx, double cy, double size, double orientation, SplittableRandom rng) {
        int points = rng.nextInt(4, 8);
        double inner = rng.nextDouble(0.4, 0.65);
        double[] xs = new double[2 * points];
        double[] ys = new double[2 * points];
        for (int i = 0; i < 2 * points; i++) {
            double radius = size * (i % 2 == 0 ? rng.nextDouble(0.85, 1.0) : inner * rng.nextDouble(0.9, 1.1));
            double angle = orientation + (i + rng.nextDouble(-0.15, 0.15)) * Math.PI / points;
            xs[i] = cx + radius * StrictMath.cos(angle);
            ys[i] = cy + radius * StrictMath.sin(angle);
        }
        return new PolygonShape(xs, ys);
    }
}
