package org.onepro.data.volume;

import org.onepro.core.error.InvalidInputException;

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
 */
final class VolumeSlicer {

    private VolumeSlicer() {
    }

    /**
     * Checks an axis number.
     *
     * @param axis 0, 1 or 2
     * @throws InvalidInputException for anything else
     */
    static void checkAxis(int axis) {
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
    static int[] shape(int[] size, int axis) {
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
    static double[] spacing(double[] spacing, int axis) {
        return switch (axis) {
            case 0 -> new double[] {spacing[1], spacing[2]};
            case 1 -> new double[] {spacing[0], spacing[2]};
            default -> new double[] {spacing[0], spacing[1]};
        };
    }

    /**
     * Cuts one slice.
     *
     * @param v     the volume
     * @param axis  0, 1 or 2
     * @param index the slice, from 0 to the axis's voxel count minus 1
     * @return {@code height * width} row-major values
     */
    static float[] slice(Volume v, int axis, int index) {
        int[] size = {v.nx(), v.ny(), v.nz()};
        int[] hw = shape(size, axis);
        int height = hw[0];
        int width = hw[1];
        float[] out = new float[height * width];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                out[row * width + col] = switch (axis) {
                    case 0 -> v.get(index, col, v.nz() - 1 - row);
                    case 1 -> v.get(col, index, v.nz() - 1 - row);
                    default -> v.get(col, row, index);
                };
            }
        }
        return out;
    }

    /**
     * Finds the slices that hold a non-zero label, judging each voxel as its rounded value, as a loaded label
     * slice would show it.
     *
     * @param labels the label volume
     * @param axis   0, 1 or 2
     * @return the indices of those slices, ascending
     */
    static int[] nonEmpty(Volume labels, int axis) {
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
}
