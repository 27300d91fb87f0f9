package org.onepro.classic.registration;

/**
 * An affine map from the query's normalised coordinates to the template's: {@code v = A u + t}. A normalised
 * coordinate runs from -0.5 at an image's outer left (top) pixel edge to 0.5 at its right (bottom) edge, each
 * axis on its own, so the identity stretches the template over the query, as pasting its mask does.
 *
 * @param a11 row 1, column 1 of {@code A} (x from x)
 * @param a12 row 1, column 2 (x from y)
 * @param a21 row 2, column 1 (y from x)
 * @param a22 row 2, column 2 (y from y)
 * @param tx  shift of x
 * @param ty  shift of y
 */
public record Affine(double a11, double a12, double a21, double a22, double tx, double ty) {

    /** The identity. */
    public static final Affine IDENTITY = new Affine(1, 0, 0, 1, 0, 0);

    /**
     * The map of the optimiser's parameters {@code (a, b, c, d, tx, ty)}, {@code A = [[1 + a, b], [c, 1 + d]]}.
     *
     * @param p six parameters
     * @return the map
     */
    static Affine fromParameters(double[] p) {
        return new Affine(1 + p[0], p[1], p[2], 1 + p[3], p[4], p[5]);
    }

    /** The optimiser's parameters of this map, inverse of {@link #fromParameters}. */
    double[] parameters() {
        return new double[] {a11 - 1, a12, a21, a22 - 1, tx, ty};
    }

    /** The x of the image of {@code (ux, uy)}. */
    double x(double ux, double uy) {
        return a11 * ux + a12 * uy + tx;
    }

    /** The y of the image of {@code (ux, uy)}. */
    double y(double ux, double uy) {
        return a21 * ux + a22 * uy + ty;
    }
}
