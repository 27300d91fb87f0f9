package org.onepro.model.volume;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.mask.Mask;
import org.onepro.data.volume.Volume;

/**
 * Cuts 2-D slices out of a volume and writes 2-D masks back, in the orientation onepro-data's
 * {@code VolumeSlicer} uses for training slices (so a model sees volumes at inference as it saw them in
 * training): axis 2 (axial) has rows y and columns x; axis 0 (sagittal) rows {@code nz - 1 - z} and columns y;
 * axis 1 (coronal) rows {@code nz - 1 - z} and columns x. {@code VolumeSlicer} is package-private there, and
 * the write-back direction exists only here, so the mapping is restated in one place, {@link #index}.
 */
final class VolumeSlices {

    private VolumeSlices() {
    }

    static void checkAxis(int axis) {
        if (axis < 0 || axis > 2) {
            throw new InvalidInputException("slice axis must be 0 (sagittal, x), 1 (coronal, y) or 2 (axial, z), "
                    + "got " + axis);
        }
    }

    /** Slices along an axis. */
    static int count(Volume v, int axis) {
        return axis == 0 ? v.nx() : axis == 1 ? v.ny() : v.nz();
    }

    /** {@code {height, width}} of every slice along an axis. */
    static int[] shape(Volume v, int axis) {
        return switch (axis) {
            case 0 -> new int[] {v.nz(), v.ny()};
            case 1 -> new int[] {v.nz(), v.nx()};
            default -> new int[] {v.ny(), v.nx()};
        };
    }

    /**
     * One slice as a grey image, with the in-plane voxel spacing when the volume has a valid one.
     *
     * @param data the volume's values ({@link Volume#data()} copies them, so a caller cutting many slices passes
     *     one copy to every call)
     */
    static Image slice(Volume v, float[] data, int axis, int index) {
        checkAxis(axis);
        checkIndex(v, axis, index);
        int[] hw = shape(v, axis);
        float[] out = new float[hw[0] * hw[1]];
        for (int row = 0; row < hw[0]; row++) {
            for (int col = 0; col < hw[1]; col++) {
                out[row * hw[1] + col] = data[index(v, axis, index, row, col)];
            }
        }
        Image image = Image.of(out, 1, hw[0], hw[1]);
        double[] spacing = v.spacing();
        double sx = axis == 0 ? spacing[1] : spacing[0];
        double sy = axis == 2 ? spacing[1] : spacing[2];
        // NIfTI files written without pixdim are legal; such a slice simply carries no spacing.
        return sx > 0 && sy > 0 && Double.isFinite(sx) && Double.isFinite(sy)
                ? image.withSpacing(new PixelSpacing(sx, sy)) : image;
    }

    /** Writes a slice's mask into {@code labels} (x fastest, the volume's size) as 1 for foreground. */
    static void put(float[] labels, Volume v, int axis, int index, Mask mask) {
        int[] hw = shape(v, axis);
        if (mask.height() != hw[0] || mask.width() != hw[1]) {
            throw new IllegalArgumentException("mask " + mask.height() + "x" + mask.width() + " does not match slice "
                    + hw[0] + "x" + hw[1]);
        }
        boolean[] m = mask.data();
        for (int row = 0; row < hw[0]; row++) {
            for (int col = 0; col < hw[1]; col++) {
                if (m[row * hw[1] + col]) {
                    labels[index(v, axis, index, row, col)] = 1f;
                }
            }
        }
    }

    /** Linear voxel index (x fastest) of pixel {@code (row, col)} of slice {@code index}. */
    private static int index(Volume v, int axis, int index, int row, int col) {
        int x;
        int y;
        int z;
        switch (axis) {
            case 0 -> {
                x = index;
                y = col;
                z = v.nz() - 1 - row;
            }
            case 1 -> {
                x = col;
                y = index;
                z = v.nz() - 1 - row;
            }
            default -> {
                x = col;
                y = row;
                z = index;
            }
        }
        return (z * v.ny() + y) * v.nx() + x;
    }

    private static void checkIndex(Volume v, int axis, int index) {
        int n = count(v, axis);
        if (index < 0 || index >= n) {
            throw new InvalidInputException("slice " + index + " is outside axis " + axis + ", which has " + n
                    + " slices (0 to " + (n - 1) + ")");
        }
    }
}
