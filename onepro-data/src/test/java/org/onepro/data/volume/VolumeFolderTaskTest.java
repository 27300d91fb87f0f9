package org.onepro.data.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.dicom.DicomTestFiles;

class VolumeFolderTaskTest {

    private static final double[] SPACING = {0.5, 0.75, 2.0};
    private static final double[] AFFINE = {0.5, 0, 0, 0, 0, 0.75, 0, 0, 0, 0, 2.0, 0, 0, 0, 0, 1};

    /** Case "a" is 4x3x5 (x, y, z); its only label is 7 at voxel (1, 2, 3). */
    private static final int[] A = {4, 3, 5};

    @TempDir
    Path root;

    private Path task;

    /** A value that tells every voxel apart: x + 10 y + 100 z, offset per case. */
    private static float intensity(int base, int x, int y, int z) {
        return base + x + 10 * y + 100 * z;
    }

    private static Volume image(int base, int nx, int ny, int nz) {
        float[] v = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v[(z * ny + y) * nx + x] = intensity(base, x, y, z) - 0.25f;
                }
            }
        }
        return new Volume(nx, ny, nz, v, AFFINE, SPACING, 16);
    }

    private static Volume labels(int nx, int ny, int nz, int[]... voxelsAndLabels) {
        float[] v = new float[nx * ny * nz];
        for (int[] p : voxelsAndLabels) {
            v[(p[2] * ny + p[1]) * nx + p[0]] = p[3];
        }
        return new Volume(nx, ny, nz, v, AFFINE, SPACING, 2);
    }

    @BeforeEach
    void makeTask() throws IOException {
        task = root.resolve("Task09_Tiny");
        Path images = Files.createDirectories(task.resolve("imagesTr"));
        Path labels = Files.createDirectories(task.resolve("labelsTr"));
        // Case a in the Decathlon layout: image and labels share a name.
        NiftiIO.write(image(0, A[0], A[1], A[2]), images.resolve("a.nii.gz"));
        NiftiIO.write(labels(A[0], A[1], A[2], new int[] {1, 2, 3, 7}), labels.resolve("a.nii.gz"));
        // Case b in the nnU-Net layout: the image carries the channel suffix _0000.
        NiftiIO.write(image(5000, 2, 3, 2), images.resolve("b_0000.nii.gz"));
        NiftiIO.write(labels(2, 3, 2, new int[] {0, 0, 0, 1}, new int[] {1, 2, 1, 2}), labels.resolve("b.nii.gz"));
        // Noise a real Decathlon folder has: macOS resource forks and an image without labels.
        Files.write(labels.resolve("._a.nii.gz"), new byte[] {0, 5, 22, 7});
        NiftiIO.write(image(0, 2, 2, 2), images.resolve("unlabelled.nii.gz"));
    }

    @Test
    void aDatasetRootOpensVolumeTasksAsAxialSlicesHoldingATarget() {
        List<TaskDataset> tasks = DatasetRoot.open(root);

        assertEquals(List.of("Task09_Tiny"), tasks.stream().map(TaskDataset::name).toList());
        assertEquals(List.of("a#2:3", "b#2:0", "b#2:1"), tasks.get(0).ids());
    }

    @Test
    void listsEverySliceSortedByCaseThenIndex() {
        VolumeFolderTask t = VolumeFolderTask.open(task, 2, false);

        assertEquals("Task09_Tiny", t.name());
        assertEquals(List.of("a#2:0", "a#2:1", "a#2:2", "a#2:3", "a#2:4", "b#2:0", "b#2:1"), t.ids());
    }

    @Test
    void indicesSortNumericallyNotAsText() throws IOException {
        NiftiIO.write(image(0, 2, 2, 12), task.resolve("imagesTr/c.nii.gz"));
        NiftiIO.write(labels(2, 2, 12), task.resolve("labelsTr/c.nii.gz"));

        List<String> ids = VolumeFolderTask.open(task, 2, false).ids();

        assertEquals("c#2:9", ids.get(7 + 9));
        assertEquals("c#2:10", ids.get(7 + 10));
    }

    @Test
    void skippingEmptySlicesKeepsOnlyLabelledOnes() {
        assertEquals(List.of("a#2:3", "b#2:0", "b#2:1"), VolumeFolderTask.open(task, 2, true).ids());
        assertEquals(List.of("a#0:1", "b#0:0", "b#0:1"), VolumeFolderTask.open(task, 0, true).ids());
        assertEquals(List.of("a#1:2", "b#1:0", "b#1:2"), VolumeFolderTask.open(task, 1, true).ids());
    }

    @Test
    void axialSliceHasRowsYAndColumnsX() {
        LabeledImage s = VolumeFolderTask.open(task, 2, false).load("a#2:3");

        assertEquals(A[1], s.image().height());
        assertEquals(A[0], s.image().width());
        assertEquals(7, s.labels().get(2, 1), "voxel (1, 2, 3) at row y = 2, column x = 1");
        assertEquals(Set.of(7), s.labels().labels());
        for (int row = 0; row < A[1]; row++) {
            for (int col = 0; col < A[0]; col++) {
                assertEquals(intensity(0, col, row, 3) - 0.25f, s.image().get(0, row, col));
            }
        }
        assertEquals(Optional.of(new PixelSpacing(0.5, 0.75)), s.image().spacing());
    }

    @Test
    void sagittalSliceHasRowsZFlippedAndColumnsY() {
        LabeledImage s = VolumeFolderTask.open(task, 0, false).load("a#0:1");

        assertEquals(A[2], s.image().height());
        assertEquals(A[1], s.image().width());
        assertEquals(7, s.labels().get(A[2] - 1 - 3, 2), "voxel (1, 2, 3) at row nz-1-z = 1, column y = 2");
        assertEquals(Set.of(7), s.labels().labels());
        for (int row = 0; row < A[2]; row++) {
            for (int col = 0; col < A[1]; col++) {
                assertEquals(intensity(0, 1, col, A[2] - 1 - row) - 0.25f, s.image().get(0, row, col));
            }
        }
        assertEquals(Optional.of(new PixelSpacing(0.75, 2.0)), s.image().spacing());
    }

    @Test
    void coronalSliceHasRowsZFlippedAndColumnsX() {
        LabeledImage s = VolumeFolderTask.open(task, 1, false).load("a#1:2");

        assertEquals(A[2], s.image().height());
        assertEquals(A[0], s.image().width());
        assertEquals(7, s.labels().get(A[2] - 1 - 3, 1), "voxel (1, 2, 3) at row nz-1-z = 1, column x = 1");
        assertEquals(Set.of(7), s.labels().labels());
        for (int row = 0; row < A[2]; row++) {
            for (int col = 0; col < A[0]; col++) {
                assertEquals(intensity(0, col, 2, A[2] - 1 - row) - 0.25f, s.image().get(0, row, col));
            }
        }
        assertEquals(Optional.of(new PixelSpacing(0.5, 2.0)), s.image().spacing());
    }

    @Test
    void nnUnetCaseLoadsItsChannelZeroImage() {
        VolumeFolderTask t = VolumeFolderTask.open(task, 2, false);

        LabeledImage s = t.load("b#2:1");

        assertEquals("Task09_Tiny", s.task());
        assertEquals("b#2:1", s.id());
        assertEquals(intensity(5000, 1, 2, 1) - 0.25f, s.image().get(0, 2, 1));
        assertEquals(LabelMap.of(new int[] {0, 0, 0, 0, 0, 2}, 3, 2), s.labels());
    }

    @Test
    void aDicomSeriesFolderIsACaseImageReadInZOrder() {
        // Case c: a series of three 2 x 3 slices whose file names run against z, labelled by a NIfTI volume.
        Path series = task.resolve("imagesTr").resolve("c");
        DicomTestFiles files = new DicomTestFiles().size(2, 3);
        for (int z = 0; z < 3; z++) {
            short[] stored = new short[6];
            for (int i = 0; i < 6; i++) {
                stored[i] = (short) intensity(0, i % 2, i / 2, z);
            }
            files.position(0, 0, 2.0 * z).write(series.resolve("img" + (3 - z) + ".dcm"), stored);
        }
        NiftiIO.write(labels(2, 3, 3, new int[] {1, 2, 2, 4}), task.resolve("labelsTr").resolve("c.nii.gz"));
        VolumeFolderTask t = VolumeFolderTask.open(task, 2, true);

        LabeledImage s = t.load("c#2:2");

        assertTrue(t.ids().contains("c#2:2"), t.ids().toString());
        assertEquals(intensity(0, 1, 2, 2), s.image().get(0, 2, 1));
        assertEquals(LabelMap.of(new int[] {0, 0, 0, 0, 0, 4}, 3, 2), s.labels());
        assertEquals(series, t.caseImage("c#2:2"));
    }

    @Test
    void loadingAgainGivesEqualSamplesAcrossCaseSwitches() {
        VolumeFolderTask t = VolumeFolderTask.open(task, 2, false);

        LabeledImage first = t.load("a#2:3");
        t.load("b#2:0");
        t.load("a#2:0");
        t.load("b#2:1");

        assertEquals(first, t.load("a#2:3"));
        Image image = first.image();
        assertEquals(1, image.channels());
    }

    @Test
    void unknownOrMalformedIdsAreRejected() {
        VolumeFolderTask t = VolumeFolderTask.open(task, 2, false);

        for (String id : List.of("zz#2:0", "a#1:0", "a2:0", "a#2-0", "a#2:", "a#2:03", "a#2:+3")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.load(id), id);
            assertTrue(e.getMessage().contains(id), e.getMessage());
        }
        String message = assertThrows(InvalidInputException.class, () -> t.load("a#2:5")).getMessage();
        assertEquals("task Task09_Tiny has no sample \"a#2:5\": case a has 5 axial slices", message);
    }

    @Test
    void badAxisIsRejected() {
        String message = assertThrows(InvalidInputException.class, () -> VolumeFolderTask.open(task, 3, false))
                .getMessage();

        assertTrue(message.contains("got 3"), message);
    }

    @Test
    void caseWithoutImageIsReported() throws IOException {
        NiftiIO.write(labels(2, 2, 2), task.resolve("labelsTr/lonely.nii.gz"));

        String message = assertThrows(InvalidInputException.class, () -> VolumeFolderTask.open(task, 2, false))
                .getMessage();

        assertTrue(message.startsWith("label file " + task.resolve("labelsTr/lonely.nii.gz") + " has no image"),
                message);
        assertTrue(message.contains("lonely_0000.nii.gz"), message);
    }

    @Test
    void imageAndLabelsOfDifferentShapeAreReported() throws IOException {
        NiftiIO.write(image(0, 2, 2, 3), task.resolve("imagesTr/odd.nii.gz"));
        NiftiIO.write(labels(2, 2, 2), task.resolve("labelsTr/odd.nii.gz"));

        String message = assertThrows(InvalidInputException.class, () -> VolumeFolderTask.open(task, 2, false))
                .getMessage();

        assertTrue(message.endsWith("odd.nii.gz is 2x2x3 but its labels " + task.resolve("labelsTr/odd.nii.gz")
                + " are 2x2x2"), message);
    }

    @Test
    void missingLabelsFolderIsReported() throws IOException {
        Path empty = Files.createDirectories(root.resolve("Empty/imagesTr"));

        String message = assertThrows(InvalidInputException.class,
                () -> VolumeFolderTask.open(empty.getParent(), 2, false)).getMessage();

        assertTrue(message.endsWith("labelsTr is missing"), message);
    }

    @Test
    void negativeLabelIsReportedWithItsFile() throws IOException {
        Volume bad = new Volume(2, 2, 1, new float[] {0, -2, 0, 0}, AFFINE, SPACING, 4);
        NiftiIO.write(image(0, 2, 2, 1), task.resolve("imagesTr/neg.nii.gz"));
        NiftiIO.write(bad, task.resolve("labelsTr/neg.nii.gz"));
        VolumeFolderTask t = VolumeFolderTask.open(task, 2, false);

        String message = assertThrows(InvalidInputException.class, () -> t.load("neg#2:0")).getMessage();

        assertTrue(message.startsWith(task.resolve("labelsTr/neg.nii.gz") + ", slice neg#2:0: pixel (row 0, column "
                + "1) holds label -2.0"), message);
    }
}
