package org.onepro.core.volume;

import org.onepro.core.error.InvalidInputException;

import java.util.Arrays;

/**
 * A 3-D scalar volume in voxel order {@code x} fastest, then {@code y}, then {@code z} (the NIfTI
 * order), with its voxel-to-world affine (4x4, row-major; RAS+ millimetres as in NIfTI) and the
 * NIfTI datatype code it was stored with. Values are float: int16 and other integer data are widened
 * in Java (docs/engine-notes.md §4.4) and {@code scl_slope/scl_inter} are already applied.
 */
public final class Volume {

    private final int nx;
    private final int ny;
    private final int nz;
    private final float[] data;
    private final double[] affine;
    private final double[] spacing;
    private final int datatype;

    /**
     * @param nx voxels along x
     * @param ny voxels along y
     * @param nz voxels along z
     * @param data {@code nx*ny*nz} values, x fastest (copied)
     * @param affine 16 values, row-major voxel-to-world matrix (copied)
     * @param spacing voxel sizes in mm along x, y, z (copied)
     * @param datatype NIfTI datatype code to use when writing (2 uint8, 4 int16, 8 int32, 16 float32, 64 float64)
     */
    public Volume(int nx, int ny, int nz, float[] data, double[] affine, double[] spacing, int datatype) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new InvalidInputException("volume dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz != data.length) {
            throw new InvalidInputException("volume of " + nx + "x" + ny + "x" + nz + " needs " + ((long) nx * ny * nz)
                    + " values, got " + data.length);
        }
        if (affine.length != 16 || spacing.length != 3) {
            throw new InvalidInputException("a volume needs a 4x4 affine and 3 spacings");
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.data = data.clone();
        this.affine = affine.clone();
        this.spacing = spacing.clone();
        this.datatype = datatype;
    }

    /** Voxels along x. */
    public int nx() {
        return nx;
    }

    /** Voxels along y. */
    public int ny() {
        return ny;
    }

    /** Voxels along z. */
    public int nz() {
        return nz;
    }

    /** The value at a voxel. */
    public float get(int x, int y, int z) {
        return data[(z * ny + y) * nx + x];
    }

    /** A copy of the values, x fastest. */
    public float[] data() {
        return data.clone();
    }

    /** A copy of the row-major 4x4 voxel-to-world affine. */
    public double[] affine() {
        return affine.clone();
    }

    /** A copy of the voxel sizes in mm (x, y, z). */
    public double[] spacing() {
        return spacing.clone();
    }

    /** The NIfTI datatype code. */
    public int datatype() {
        return datatype;
    }

    /** A volume with the same geometry and new values (e.g. a label volume for this image). */
    public Volume withData(float[] values, int newDatatype) {
        return new Volume(nx, ny, nz, values, affine, spacing, newDatatype);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Volume v && v.nx == nx && v.ny == ny && v.nz == nz && v.datatype == datatype
                && Arrays.equals(v.data, data) && Arrays.equals(v.affine, affine) && Arrays.equals(v.spacing, spacing);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Arrays.hashCode(affine);
    }

    @Override
    public String toString() {
        return "Volume[" + nx + "x" + ny + "x" + nz + ", datatype " + datatype + "]";
    }
}
