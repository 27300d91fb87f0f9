package org.onepro.core.volume;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.mask.Mask;

/**
 * Cuts 2-D planes out of a volume in OnePro's slice orientation. Voxel axes are used as stored (no reorientation
 * by the affine), and z is assumed to run inferior to superior, as in RAS+ NIfTI files, so it is flipped to put
 * superior at the top of sagittal and coronal slices:
 * <ul>
 *   <li>axis 2 (axial, fixed z): rows are y, columns are x, so voxel {@code (x, y, z)} is at row {@code y},
 *       column {@code x};</li>
 *   <li>axis 0 (sagittal, fixed x): rows are z flipped, columns are y, so voxel {@code (x, y, z)} is at row
 *       {@code nz - 1 - z}, column {@code y};</li>
 *   <li>axis 1 (coronal, fixed y): rows are z flipped, columns are x, so voxel {@code (x, y, z)} is at row
 *       {@code nz - 1 - z}, column {@code x}.</li>
 * </ul>
 * Training slices and inference slices both come from here, so a model sees a volume at inference as it saw
 * volumes in training, and masks go back into the voxels they came from.
 */
public final class VolumeSlicer {

    private VolumeSlicer() {
    }

    /**
     * Checks an axis number.
     *
     * @param axis 0, 1 or 2
     * @throws InvalidInputException for anything else
     */
    public static void checkAxis(int axis) {
        if (axis < 0 || axis > 2) {
            throw new InvalidInputException("slice axis must be 0 (sagittal, x), 1 (coronal, y) or 2 (axial, z), "
                    + "got " + axis);
        }
    }

    /**
     * The shape of every slice along an axis.
     *
     * @param size voxels along x, y, z
     * @param axis 0, 1 or 2
     * @return {@code {height, width}}
     */
    public static int[] shape(int[] size, int axis) {
        return switch (axis) {
            case 0 -> new int[] {size[2], size[1]};
            case 1 -> new int[] {size[2], size[0]};
            default -> new int[] {size[1], size[0]};
        };
    }

    /**
     * The pixel spacing of every slice along an axis.
     *
     * @param spacing voxel sizes along x, y, z
     * @param axis    0, 1 or 2
     * @return {@code {along a row (column direction), along a column (row direction)}}
     */
    public static double[] spacing(double[] spacing, int axis) {
        return switch (axis) {
            case 0 -> new double[] {spacing[1], spacing[2]};
            case 1 -> new double[] {spacing[0], spacing[2]};
            default -> new double[] {spacing[0], spacing[1]};
        };
    }

    /**
     * The number of slices along an axis.
     *
     * @param v    the volume
     * @param axis 0, 1 or 2
     * @return voxels along that axis
     * @throws InvalidInputException if the axis is not 0, 1 or 2
     */
    public static int count(Volume v, int axis) {
        checkAxis(axis);
        return axis == 0 ? v.nx() : axis == 1 ? v.ny() : v.nz();
    }

    /**
     * Cuts one slice.
     *
     * @param v     the volume
     * @param axis  0, 1 or 2
     * @param index the slice, from 0 to the axis's voxel count minus 1
     * @return {@code height * width} row-major values
     * @throws InvalidInputException if the axis or the index is out of range
     */
    public static float[] slice(Volume v, int axis, int index) {
        checkIndex(v, axis, index);
        int[] size = size(v);
        int[] hw = shape(size, axis);
        float[] out = new float[hw[0] * hw[1]];
        for (int row = 0; row < hw[0]; row++) {
            for (int col = 0; col < hw[1]; col++) {
                int[] xyz = voxel(size, axis, index, row, col);
                out[row * hw[1] + col] = v.get(xyz[0], xyz[1], xyz[2]);
            }
        }
        return out;
    }

    /**
     * Cuts one slice as a grey image, with the in-plane voxel spacing when the volume has a valid one (NIfTI files
     * written without pixdim are legal; their slices carry no spacing).
     *
     * @param v     the volume
     * @param axis  0, 1 or 2
     * @param index the slice
     * @return the slice
     * @throws InvalidInputException if the axis or the index is out of range, or the slice holds a NaN or infinite
     *     value (the message names the slice and the pixel)
     */
    public static Image image(Volume v, int axis, int index) {
        int[] hw = shape(size(v), axis);
        Image image;
        try {
            image = Image.of(slice(v, axis, index), 1, hw[0], hw[1]);
        } catch (InvalidInputException e) {
            // A NaN or infinite voxel: say which slice holds it, since the image's own message knows only its row.
            throw new InvalidInputException("slice " + index + " along axis " + axis + ": " + e.getMessage(), e);
        }
        double[] s = spacing(v.spacing(), axis);
        return s[0] > 0 && s[1] > 0 && Double.isFinite(s[0]) && Double.isFinite(s[1])
                ? image.withSpacing(new PixelSpacing(s[0], s[1])) : image;
    }

    /**
     * Writes a slice's mask back into a label array as 1 for foreground, leaving background voxels untouched.
     *
     * @param labels the volume's labels, x fastest, {@code nx * ny * nz} values
     * @param v      the volume the slice was cut from
     * @param axis   0, 1 or 2
     * @param index  the slice
     * @param mask   the slice's mask, of the slice's shape
     * @throws IllegalArgumentException if the mask or the label array has the wrong size
     * @throws InvalidInputException    if the axis or the index is out of range
     */
    public static void put(float[] labels, Volume v, int axis, int index, Mask mask) {
        checkIndex(v, axis, index);
        int[] size = size(v);
        int[] hw = shape(size, axis);
        if (mask.height() != hw[0] || mask.width() != hw[1]) {
            throw new IllegalArgumentException("mask " + mask.height() + "x" + mask.width() + " does not match slice "
                    + hw[0] + "x" + hw[1]);
        }
        if (labels.length != size[0] * size[1] * size[2]) {
            throw new IllegalArgumentException("label array holds " + labels.length + " values, the volume "
                    + size[0] * size[1] * size[2]);
        }
        boolean[] m = mask.data();
        for (int row = 0; row < hw[0]; row++) {
            for (int col = 0; col < hw[1]; col++) {
                if (m[row * hw[1] + col]) {
                    int[] xyz = voxel(size, axis, index, row, col);
                    labels[(xyz[2] * size[1] + xyz[1]) * size[0] + xyz[0]] = 1f;
                }
            }
        }
    }

    /**
     * Finds the slices that hold a non-zero label, judging each voxel as its rounded value, as a loaded label
     * slice would show it.
     *
     * @param labels the label volume
     * @param axis   0, 1 or 2
     * @return the indices of those slices, ascending
     */
    public static int[] nonEmpty(Volume labels, int axis) {
        int nx = labels.nx();
        int ny = labels.ny();
        int nz = labels.nz();
        boolean[] hit = new boolean[axis == 0 ? nx : axis == 1 ? ny : nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (Math.round(labels.get(x, y, z)) != 0) {
                        hit[axis == 0 ? x : axis == 1 ? y : z] = true;
                    }
                }
            }
        }
        int n = 0;
        for (boolean h : hit) {
            n += h ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < hit.length; i++) {
            if (hit[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** The one place that maps slice pixel {@code (row, col)} to voxel {@code (x, y, z)}. */
    private static int[] voxel(int[] size, int axis, int index, int row, int col) {
        return switch (axis) {
            case 0 -> new int[] {index, col, size[2] - 1 - row};
            case 1 -> new int[] {col, index, size[2] - 1 - row};
            default -> new int[] {col, row, index};
        };
    }

    private static int[] size(Volume v) {
        return new int[] {v.nx(), v.ny(), v.nz()};
    }

    private static void checkIndex(Volume v, int axis, int index) {
        int n = count(v, axis);
        if (index < 0 || index >= n) {
            throw new InvalidInputException("slice " + index + " is outside axis " + axis + ", which has " + n
                    + " slices (0 to " + (n - 1) + ")");
        }
    }
}
