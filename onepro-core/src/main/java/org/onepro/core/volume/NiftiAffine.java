package org.onepro.core.volume;

import java.util.Optional;

/**
 * Converts between a NIfTI qform (quaternion {@code b, c, d}, offset, voxel sizes and {@code qfac}) and a
 * row-major 4x4 voxel-to-world affine, following the NIfTI-1 standard and the reference {@code nifti1_io.c}.
 */
final class NiftiAffine {

    /**
     * How far {@code R^T R} of a candidate rotation may stray from the identity; the header stores floats, so
     * anything read back from a file carries errors around 1e-7.
     */
    private static final double ORTHONORMAL_TOLERANCE = 1e-4;

    /** A qform rotation: quaternion {@code b, c, d} ({@code a} is implied) and {@code qfac}, +1 or -1. */
    record Quaternion(double b, double c, double d, double qfac) {
    }

    private NiftiAffine() {
    }

    /**
     * Builds the qform affine {@code R * diag(dx, dy, qfac * dz)} plus offset.
     *
     * @param b       quaternion b
     * @param c       quaternion c
     * @param d       quaternion d
     * @param offset  qoffset x, y, z
     * @param voxel   pixdim[1..3]; a non-positive or non-finite size counts as 1, as in {@code nifti1_io.c}
     * @param qfac    pixdim[0]; negative flips z, anything else (including 0) does not
     * @return 16 row-major values
     */
    static double[] fromQuaternion(double b, double c, double d, double[] offset, double[] voxel, double qfac) {
        double a;
        double sumSq = b * b + c * c + d * d;
        if (1.0 - sumSq < 1e-7) {
            // A 180-degree rotation: a is zero and rounding may have pushed |(b, c, d)| just past 1.
            double norm = 1.0 / Math.sqrt(sumSq);
            b *= norm;
            c *= norm;
            d *= norm;
            a = 0.0;
        } else {
            a = Math.sqrt(1.0 - sumSq);
        }
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b},
        };
        double[] scale = {usable(voxel[0]), usable(voxel[1]), usable(voxel[2]) * (qfac < 0 ? -1 : 1)};
        double[] m = new double[16];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[4 * i + j] = r[i][j] * scale[j];
            }
            m[4 * i + 3] = offset[i];
        }
        m[15] = 1.0;
        return m;
    }

    /**
     * Builds the fallback affine used when a file has neither qform nor sform: a diagonal of voxel sizes.
     *
     * @param voxel pixdim[1..3]; a non-positive or non-finite size counts as 1
     * @return 16 row-major values
     */
    static double[] diagonal(double[] voxel) {
        double[] m = new double[16];
        m[0] = usable(voxel[0]);
        m[5] = usable(voxel[1]);
        m[10] = usable(voxel[2]);
        m[15] = 1.0;
        return m;
    }

    /**
     * Finds the qform that reproduces an affine whose 3x3 part is a rotation times {@code diag(spacing)},
     * possibly with z flipped (which {@code qfac = -1} expresses).
     *
     * @param affine  16 row-major values
     * @param spacing voxel sizes along x, y, z
     * @return the quaternion, or empty when the affine has shear, scaling other than {@code spacing}, or a
     *         degenerate spacing, so that no qform can describe it
     */
    static Optional<Quaternion> toQuaternion(double[] affine, double[] spacing) {
        double[][] r = new double[3][3];
        for (int j = 0; j < 3; j++) {
            if (!(spacing[j] > 0) || !Double.isFinite(spacing[j])) {
                return Optional.empty();
            }
            for (int i = 0; i < 3; i++) {
                r[i][j] = affine[4 * i + j] / spacing[j];
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[0][i] * r[0][j] + r[1][i] * r[1][j] + r[2][i] * r[2][j];
                if (!(Math.abs(dot - (i == j ? 1 : 0)) <= ORTHONORMAL_TOLERANCE)) {
                    return Optional.empty();
                }
            }
        }
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
                - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        double qfac = 1.0;
        if (det < 0) {
            // An improper rotation becomes a proper one with z negated; qfac records the flip.
            qfac = -1.0;
            for (int i = 0; i < 3; i++) {
                r[i][2] = -r[i][2];
            }
        }
        return Optional.of(fromRotation(r, qfac));
    }

    /** The quaternion of a proper rotation matrix, as {@code nifti_mat44_to_quatern} computes it. */
    private static Quaternion fromRotation(double[][] r, double qfac) {
        double a = r[0][0] + r[1][1] + r[2][2] + 1.0;
        double b;
        double c;
        double d;
        // Dividing by the largest of the four components keeps the computation stable for every rotation.
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1.0 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1.0 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1.0 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1.0) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1.0) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
        }
        if (a < 0) {
            // q and -q are the same rotation; NIfTI stores the one with a >= 0 because a is implied.
            b = -b;
            c = -c;
            d = -d;
        }
        return new Quaternion(b, c, d, qfac);
    }

    private static double usable(double size) {
        return size > 0 && Double.isFinite(size) ? size : 1.0;
    }
}
