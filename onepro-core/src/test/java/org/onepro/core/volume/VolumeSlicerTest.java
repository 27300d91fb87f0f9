package org.onepro.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.mask.Mask;

class VolumeSlicerTest {

    private static final int NX = 5;
    private static final int NY = 4;
    private static final int NZ = 3;
    private static final double[] IDENTITY = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};

    /** Voxel (x, y, z) holds 100 x + 10 y + z, so every value names its voxel. */
    private static Volume coded(double[] spacing) {
        float[] data = new float[NX * NY * NZ];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    data[(z * NY + y) * NX + x] = 100 * x + 10 * y + z;
                }
            }
        }
        return new Volume(NX, NY, NZ, data, IDENTITY, spacing, 16);
    }

    @Test
    void slicesAreOrientedWithSuperiorAtTheTop() {
        Volume v = coded(new double[] {0.5, 0.75, 2.0});
        Image axial = VolumeSlicer.image(v, 2, 1);
        assertEquals(NY, axial.height());
        assertEquals(NX, axial.width());
        assertEquals(100 * 3 + 10 * 2 + 1, axial.get(0, 2, 3), "axial row y, column x");
        Image sagittal = VolumeSlicer.image(v, 0, 4);
        assertEquals(NZ, sagittal.height());
        assertEquals(NY, sagittal.width());
        assertEquals(100 * 4 + 10 * 1 + (NZ - 1), sagittal.get(0, 0, 1), "sagittal: the top row is the last z");
        Image coronal = VolumeSlicer.image(v, 1, 3);
        assertEquals(100 * 2 + 10 * 3 + 0, coronal.get(0, NZ - 1, 2), "coronal: the bottom row is z 0");
        assertEquals(new PixelSpacing(0.75, 2.0), sagittal.spacing().orElseThrow());
        assertEquals(new PixelSpacing(0.5, 0.75), axial.spacing().orElseThrow());
    }

    @Test
    void aMaskPutBackLandsOnTheVoxelsItWasCutFrom() {
        Volume v = coded(new double[] {1, 1, 1});
        for (int axis = 0; axis < 3; axis++) {
            int index = 1;
            int[] hw = VolumeSlicer.shape(new int[] {NX, NY, NZ}, axis);
            float[] values = VolumeSlicer.slice(v, axis, index);
            boolean[] pick = new boolean[values.length];
            pick[1] = true;
            pick[values.length - 1] = true;
            float[] labels = new float[NX * NY * NZ];
            VolumeSlicer.put(labels, v, axis, index, Mask.of(pick, hw[0], hw[1]));
            float[] back = VolumeSlicer.slice(v.withData(labels, 2), axis, index);
            for (int i = 0; i < back.length; i++) {
                assertEquals(pick[i] ? 1f : 0f, back[i], "axis " + axis + ", pixel " + i);
            }
            int set = 0;
            for (float f : labels) {
                set += f == 1f ? 1 : 0;
            }
            assertEquals(2, set, "axis " + axis + ": only the picked voxels are written");
        }
    }

    @Test
    void aVolumeWithoutSpacingGivesSlicesWithoutSpacing() {
        Image slice = VolumeSlicer.image(coded(new double[] {0, 0, 0}), 2, 0);
        assertNull(slice.spacing().orElse(null));
    }

    @Test
    void nonEmptyListsTheSlicesThatHoldALabel() {
        float[] labels = new float[NX * NY * NZ];
        labels[(2 * NY + 1) * NX + 3] = 1f;
        Volume v = new Volume(NX, NY, NZ, labels, IDENTITY, new double[] {1, 1, 1}, 2);
        assertArrayEquals(new int[] {2}, VolumeSlicer.nonEmpty(v, 2));
        assertArrayEquals(new int[] {3}, VolumeSlicer.nonEmpty(v, 0));
        assertArrayEquals(new int[] {1}, VolumeSlicer.nonEmpty(v, 1));
    }

    @Test
    void aNanVoxelIsReportedWithItsSlice() {
        float[] data = new float[NX * NY * NZ];
        data[(1 * NY + 2) * NX + 3] = Float.NaN;
        Volume v = new Volume(NX, NY, NZ, data, IDENTITY, new double[] {1, 1, 1}, 16);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> VolumeSlicer.image(v, 2, 1));
        assertTrue(e.getMessage().startsWith("slice 1 along axis 2: ") && e.getMessage().contains("NaN"),
                e.getMessage());
    }

    @Test
    void badAxesIndicesAndMasksAreRefusedWithTheReason() {
        Volume v = coded(new double[] {1, 1, 1});
        InvalidInputException axis = assertThrows(InvalidInputException.class, () -> VolumeSlicer.image(v, 3, 0));
        assertTrue(axis.getMessage().contains("axis"), axis.getMessage());
        InvalidInputException index = assertThrows(InvalidInputException.class, () -> VolumeSlicer.slice(v, 2, NZ));
        assertTrue(index.getMessage().contains("0 to " + (NZ - 1)), index.getMessage());
        IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
                () -> VolumeSlicer.put(new float[NX * NY * NZ], v, 2, 0, Mask.empty(NX, NY)));
        assertTrue(mask.getMessage().contains("does not match"), mask.getMessage());
    }
}
