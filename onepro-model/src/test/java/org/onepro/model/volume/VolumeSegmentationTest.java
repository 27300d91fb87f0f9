package org.onepro.model.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Click;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;
import org.onepro.core.volume.VolumeSlicer;
import org.onepro.model.segment.Segmenter;

class VolumeSegmentationTest {

    private static final int NX = 14;
    private static final int NY = 11;
    private static final int NZ = 9;

    private static Segmenter segmenter;

    @BeforeAll
    static void open() {
        segmenter = Segmenter.untrained("tiny", 3);
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    /** A volume whose voxel value encodes its position, with an oblique affine of float-exact values. */
    private static Volume volume() {
        float[] v = new float[NX * NY * NZ];
        SplittableRandom rng = new SplittableRandom(7);
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    v[(z * NY + y) * NX + x] = x + 100 * y + 10000 * z + (float) rng.nextDouble();
                }
            }
        }
        double[] affine = {
            -0.75, 0, 0.25, 10.5,
            0, 0.5, 0, -20.25,
            0, 0.125, 2.5, 3,
            0, 0, 0, 1};
        return new Volume(NX, NY, NZ, v, affine, new double[] {0.75, 0.5, 2.5}, 4);
    }

    @Test
    void everySliceIsSegmentedAndTheLabelVolumeOverlaysTheInput(@TempDir Path dir) {
        Volume query = volume();
        Image template = VolumeSlicer.image(query, 2, 4);
        List<int[]> calls = new ArrayList<>();

        Volume labels = VolumeSegmentation.segment(segmenter, query, 2, template, Click.foreground(6, 5),
                (done, total) -> calls.add(new int[] {done, total}));

        assertEquals(NZ, calls.size());
        for (int i = 0; i < NZ; i++) {
            assertArrayEquals(new int[] {i + 1, NZ}, calls.get(i));
        }
        for (float f : labels.data()) {
            assertTrue(f == 0f || f == 1f, "label value " + f);
        }
        Path file = dir.resolve("labels.nii.gz");
        NiftiIO.write(labels, file);
        Volume back = NiftiIO.read(file);
        assertEquals(NX, back.nx());
        assertEquals(NY, back.ny());
        assertEquals(NZ, back.nz());
        assertArrayEquals(query.affine(), back.affine(), 1e-6);
        assertArrayEquals(query.spacing(), back.spacing(), 1e-6);
        assertArrayEquals(labels.data(), back.data());
        assertEquals(VolumeSegmentation.LABEL_DATATYPE, back.datatype());
    }

    @Test
    void eachSliceOfTheLabelVolumeIsThatSlicesSegmentation() {
        Volume query = volume();
        Image template = VolumeSlicer.image(query, 0, 3);
        Click click = Click.foreground(5, 4);
        Volume labels = VolumeSegmentation.segment(segmenter, query, 0, template, click, null);
        for (int x : new int[] {0, 7, NX - 1}) {
            Mask expected = segmenter.segment(VolumeSlicer.image(query, 0, x), template, click).mask();
            Image got = VolumeSlicer.image(labels, 0, x);
            assertEquals(expected.height(), got.height());
            assertEquals(expected.width(), got.width());
            boolean[] want = expected.data();
            float[] values = got.data();
            int differing = 0;
            for (int i = 0; i < want.length; i++) {
                differing += (values[i] == 1f) != want[i] ? 1 : 0;
            }
            // A batch and a single call may differ by float rounding, which can flip a pixel at exactly 0.5;
            // a wrong orientation would differ in many.
            assertTrue(differing <= 1, "slice " + x + ": " + differing + " pixels differ");
        }
    }

    @Test
    void slicesFollowTheTrainingOrientation() {
        Volume v = volume();
        Image axial = VolumeSlicer.image(v, 2, 3);
        assertEquals(NY, axial.height());
        assertEquals(NX, axial.width());
        assertEquals(v.get(5, 2, 3), axial.get(0, 2, 5));
        Image sagittal = VolumeSlicer.image(v, 0, 4);
        assertEquals(NZ, sagittal.height());
        assertEquals(NY, sagittal.width());
        assertEquals(v.get(4, 6, NZ - 1), sagittal.get(0, 0, 6), "superior at the top");
        Image coronal = VolumeSlicer.image(v, 1, 10);
        assertEquals(NZ, coronal.height());
        assertEquals(NX, coronal.width());
        assertEquals(v.get(13, 10, 0), coronal.get(0, NZ - 1, 13));
        assertEquals(0.75, coronal.spacing().orElseThrow().x());
        assertEquals(2.5, coronal.spacing().orElseThrow().y());
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Volume v = volume();
        Image template = VolumeSlicer.image(v, 2, 0);
        InvalidInputException axis = assertThrows(InvalidInputException.class,
                () -> VolumeSegmentation.segment(segmenter, v, 3, template, Click.foreground(1, 1), null));
        assertTrue(axis.getMessage().contains("axis") && axis.getMessage().contains("3"), axis.getMessage());
        assertThrows(InvalidInputException.class, () -> VolumeSlicer.image(v, -1, 0));
        InvalidInputException index = assertThrows(InvalidInputException.class,
                () -> VolumeSlicer.image(v, 2, NZ));
        assertTrue(index.getMessage().contains("0 to " + (NZ - 1)), index.getMessage());
        InvalidInputException rgb = assertThrows(InvalidInputException.class, () -> VolumeSegmentation.segment(
                segmenter, v, 2, Image.of(new float[3 * 4 * 4], 3, 4, 4), Click.foreground(1, 1), null));
        assertTrue(rgb.getMessage().contains("3 channels"), rgb.getMessage());
        InvalidInputException outside = assertThrows(InvalidInputException.class,
                () -> VolumeSegmentation.segment(segmenter, v, 2, template, Click.foreground(50, 1), null));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
    }
}
