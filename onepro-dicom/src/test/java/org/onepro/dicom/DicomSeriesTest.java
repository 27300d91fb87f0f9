package org.onepro.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;

class DicomSeriesTest {

    private static final int COLUMNS = 6;
    private static final int ROWS = 4;

    @TempDir
    Path dir;

    /** Stored value of slice k (in z order) at column x, row y. */
    private static short stored(int k, int x, int y) {
        return (short) (100 * k + 10 * y + x - 300);
    }

    private static short[] plane(int k) {
        short[] v = new short[ROWS * COLUMNS];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                v[y * COLUMNS + x] = stored(k, x, y);
            }
        }
        return v;
    }

    /** Five axial slices 2.5 mm apart; file slice-1 holds the top one, so names run against z. */
    private Path reversedSeries(String transferSyntax) {
        Path folder = dir.resolve("series-" + transferSyntax);
        DicomTestFiles files = new DicomTestFiles().transferSyntax(transferSyntax).size(COLUMNS, ROWS)
                .pixelSpacing(0.5, 0.75).rescale(2, -1024);
        for (int k = 0; k < 5; k++) {
            files.position(-12, 30, -40 + 2.5 * k).write(folder.resolve("slice-" + (5 - k) + ".dcm"), plane(k));
        }
        return folder;
    }

    @Test
    void aSeriesWhoseNamesRunAgainstZIsReadInZOrderWithRescaleAndGeometry() {
        Volume v = DicomSeries.read(reversedSeries(DicomTestFiles.EXPLICIT_LE));
        assertEquals(COLUMNS, v.nx());
        assertEquals(ROWS, v.ny());
        assertEquals(5, v.nz());
        for (int k = 0; k < 5; k++) {
            assertEquals(2 * stored(k, 3, 2) - 1024, v.get(3, 2, k), 1e-4, "slice " + k);
        }
        assertArrayEquals(new double[] {0.75, 0.5, 2.5}, v.spacing(), 1e-9);
        // LPS (-12, 30, -40) is RAS (12, -30, -40); x and y directions flip sign.
        assertArrayEquals(new double[] {
            -0.75, 0, 0, 12,
            0, -0.5, 0, -30,
            0, 0, 2.5, -40,
            0, 0, 0, 1}, v.affine(), 1e-9);
        assertEquals(4, v.datatype(), "integer values that fit int16 are kept as int16");
    }

    @Test
    void implicitLittleEndianReadsTheSameAsExplicit() {
        assertEquals(DicomSeries.read(reversedSeries(DicomTestFiles.EXPLICIT_LE)),
                DicomSeries.read(reversedSeries(DicomTestFiles.IMPLICIT_LE)));
    }

    @Test
    void theGeometrySurvivesAWriteAsNifti() {
        Volume v = DicomSeries.read(reversedSeries(DicomTestFiles.EXPLICIT_LE));
        Path nifti = dir.resolve("out.nii.gz");
        NiftiIO.write(v, nifti);
        Volume back = NiftiIO.read(nifti);
        assertArrayEquals(v.affine(), back.affine(), 1e-5);
        assertArrayEquals(v.data(), back.data(), 0f);
    }

    @Test
    void aSagittalSeriesIsOrderedAlongItsNormal() {
        // Rows run anterior to posterior (+y in LPS), columns run downwards (-z): the normal is -x (towards
        // patient right), so the slice at the largest x comes first.
        Path folder = dir.resolve("sagittal");
        DicomTestFiles files = new DicomTestFiles().size(COLUMNS, ROWS).orientation(0, 1, 0, 0, 0, -1);
        for (int k = 0; k < 3; k++) {
            files.position(10 - 3 * k, 0, 0).write(folder.resolve("a" + k + ".dcm"), plane(k));
        }
        Volume v = DicomSeries.read(folder);
        assertEquals(stored(0, 1, 1), v.get(1, 1, 0));
        assertEquals(stored(2, 1, 1), v.get(1, 1, 2));
        // Voxel x -> +y LPS = -y RAS; voxel y -> -z; voxel z -> -x LPS (3 mm) = +x RAS.
        assertArrayEquals(new double[] {
            0, 0, 3, -10,
            -1, 0, 0, 0,
            0, -1, 0, 0,
            0, 0, 0, 1}, v.affine(), 1e-9);
        assertArrayEquals(new double[] {1, 1, 3}, v.spacing(), 1e-9);
    }

    @Test
    void aSingleFileIsAOneSliceVolumeAndMayLackGeometry() {
        Path file = new DicomTestFiles().size(COLUMNS, ROWS).withoutGeometry().write(dir.resolve("one.dcm"),
                plane(1));
        Volume v = DicomSeries.read(file);
        assertEquals(1, v.nz());
        assertEquals(stored(1, 5, 3), v.get(5, 3, 0));
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, v.affine(), 1e-9);
    }

    @Test
    void aCompressedTransferSyntaxIsRefusedByName() {
        Path file = new DicomTestFiles().transferSyntax(DicomTestFiles.JPEG_LOSSLESS).size(COLUMNS, ROWS)
                .write(dir.resolve("jpeg.dcm"), plane(0));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DicomSeries.read(file));
        assertTrue(e.getMessage().contains("jpeg.dcm"), e.getMessage());
        assertTrue(e.getMessage().contains("JPEG Lossless") && e.getMessage().contains("1.2.840.10008.1.2.4.70"),
                e.getMessage());
    }

    @Test
    void seriesThatCannotMakeOneVolumeAreRefusedNamingTheFile() throws IOException {
        DicomTestFiles files = new DicomTestFiles().size(COLUMNS, ROWS);
        Path two = dir.resolve("two-series");
        files.position(0, 0, 0).write(two.resolve("a.dcm"), plane(0));
        files.series("1.2.3.9").position(0, 0, 1).write(two.resolve("b.dcm"), plane(1));
        assertRefused(two, "2 series");

        files = new DicomTestFiles().size(COLUMNS, ROWS);
        Path sizes = dir.resolve("sizes");
        files.position(0, 0, 0).write(sizes.resolve("a.dcm"), plane(0));
        files.size(ROWS, COLUMNS).position(0, 0, 1).write(sizes.resolve("b.dcm"), plane(1));
        assertRefused(sizes, "b.dcm: is 4 x 6 pixels");

        files = new DicomTestFiles().size(COLUMNS, ROWS);
        Path same = dir.resolve("same-position");
        files.position(0, 0, 5).write(same.resolve("a.dcm"), plane(0));
        files.write(same.resolve("b.dcm"), plane(1));
        assertRefused(same, "same position");

        Path gap = dir.resolve("gap");
        for (int z : new int[] {0, 2, 4, 8, 10}) {
            files.position(0, 0, z).write(gap.resolve("s" + z + ".dcm"), plane(0));
        }
        assertRefused(gap, "unevenly spaced: 4.000 mm between s4.dcm and s8.dcm");

        Path noPlace = dir.resolve("no-geometry");
        files.position(0, 0, 0).write(noPlace.resolve("a.dcm"), plane(0));
        new DicomTestFiles().size(COLUMNS, ROWS).withoutGeometry().write(noPlace.resolve("b.dcm"), plane(1));
        assertRefused(noPlace, "b.dcm: has no Image Position");

        Path tilted = dir.resolve("orientations");
        files.position(0, 0, 0).write(tilted.resolve("a.dcm"), plane(0));
        new DicomTestFiles().size(COLUMNS, ROWS).orientation(0, 1, 0, 1, 0, 0).position(0, 0, 1)
                .write(tilted.resolve("b.dcm"), plane(1));
        assertRefused(tilted, "oriented differently");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not an image");
        assertRefused(empty, "holds no DICOM file");
    }

    @Test
    void filesThatLieOrHoldWhatIsNotReadAreRefused() throws IOException {
        Path cut = new DicomTestFiles().size(COLUMNS, ROWS).truncate(10).write(dir.resolve("cut.dcm"), plane(0));
        assertRefused(cut, "holds 38 bytes of pixel data; its header promises 4 x 6 pixels of 16 bits = 48 bytes");
        Path frames = new DicomTestFiles().size(COLUMNS, ROWS).frames(3).write(dir.resolve("frames.dcm"), plane(0));
        assertRefused(frames, "holds 3 frames");
        Path text = Files.writeString(dir.resolve("text.dcm"), "hello");
        assertRefused(text, "is neither a NIfTI file");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DicomSeries.read(text));
        assertTrue(e.getMessage().contains("no DICM marker at byte 128"), e.getMessage());
    }

    @Test
    void aSeriesOverTheVoxelBudgetIsRefusedBeforeDecoding() {
        Path folder = reversedSeries(DicomTestFiles.EXPLICIT_LE);
        String before = System.getProperty("onepro.maxVoxels");
        System.setProperty("onepro.maxVoxels", "100");
        try {
            assertRefused(folder, "is 6 x 4 x 5 = 120 voxels, over the limit of 100");
        } finally {
            if (before == null) {
                System.clearProperty("onepro.maxVoxels");
            } else {
                System.setProperty("onepro.maxVoxels", before);
            }
        }
    }

    @Test
    void volumeFilesReadsEitherFormatAndNamesOutputsAfterTheInput() throws IOException {
        Path folder = reversedSeries(DicomTestFiles.EXPLICIT_LE);
        Volume dicom = VolumeFiles.read(folder);
        Path nifti = dir.resolve("ct.nii.gz");
        NiftiIO.write(dicom, nifti);
        assertEquals(NiftiIO.read(nifti), VolumeFiles.read(nifti));
        assertTrue(VolumeFiles.isVolume(folder) && VolumeFiles.isVolume(nifti));
        Path png = Files.write(dir.resolve("image.png"), new byte[] {1, 2, 3});
        assertRefused(png, "is neither a NIfTI file");
        assertEquals("series-" + DicomTestFiles.EXPLICIT_LE, VolumeFiles.baseName(folder));
        assertEquals("ct", VolumeFiles.baseName(nifti));
        assertEquals("slice-1", VolumeFiles.baseName(folder.resolve("slice-1.dcm")));
    }

    private static void assertRefused(Path path, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> VolumeFiles.read(path));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
