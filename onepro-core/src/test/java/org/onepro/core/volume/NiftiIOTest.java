package org.onepro.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onepro.core.error.InvalidInputException;

class NiftiIOTest {

    /** A rotated, flipped, shifted affine whose entries are all exact floats, with matching spacing. */
    private static final double[] AFFINE = {
        0, 0, -2.5, 10.25,
        1.5, 0, 0, -20.5,
        0, 0.75, 0, 30,
        0, 0, 0, 1,
    };
    private static final double[] SPACING = {1.5, 0.75, 2.5};

    @TempDir
    Path dir;

    static Stream<Arguments> datatypesAndNames() {
        return Stream.of(2, 4, 8, 16, 64, 256, 512, 768, 1024, 1280)
                .flatMap(t -> Stream.of(Arguments.of(t, "v.nii"), Arguments.of(t, "v.nii.gz")));
    }

    private static float[] valuesFor(int datatype, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (datatype) {
                case 2 -> (i * 37) % 256;
                case 4 -> (i * 2731) % 65536 - 32768;
                case 8 -> (i - n / 2) * 16_777_259f;
                case 16 -> (float) Math.sin(i) * 1e3f + 1e-7f * i;
                case 256 -> (i * 37) % 256 - 128;
                case 512 -> (i * 2731) % 65536;
                case 768 -> i * 65_537f * 1024;
                case 1024 -> (i - n / 2) * 0x1p40f;
                case 1280 -> i * 0x1p40f;
                default -> (float) (Math.cos(i) * 1e-30);
            };
        }
        if (datatype == 4) {
            // The extremes of the type must survive as well.
            v[0] = Short.MIN_VALUE;
            v[1] = Short.MAX_VALUE;
        }
        return v;
    }

    @ParameterizedTest(name = "datatype {0} as {1}")
    @MethodSource("datatypesAndNames")
    void roundTripIsExact(int datatype, String name) throws IOException {
        Volume original = new Volume(5, 4, 3, valuesFor(datatype, 60), AFFINE, SPACING, datatype);
        Path file = dir.resolve(name);

        NiftiIO.write(original, file);
        Volume read = NiftiIO.read(file);

        assertEquals(original, read);
        assertArrayEquals(AFFINE, read.affine());
        assertArrayEquals(SPACING, read.spacing());
        assertEquals(datatype, read.datatype());
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 2);
        assertEquals(name.endsWith(".gz"), head[0] == (byte) 0x1f && head[1] == (byte) 0x8b);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file may remain");
        }
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotItsName() throws IOException {
        Volume original = new Volume(3, 3, 2, valuesFor(16, 18), AFFINE, SPACING, 16);
        Path gz = dir.resolve("v.nii.gz");
        NiftiIO.write(original, gz);
        Path misnamed = Files.copy(gz, dir.resolve("misnamed.nii"));

        assertEquals(original, NiftiIO.read(misnamed));
    }

    @Test
    void integerTypesAreWrittenRoundedHalfUp() {
        Path file = dir.resolve("r.nii");
        float[] values = {2.5f, 2.49f, -1.4f, -1.5f, 254.6f, 0f};
        NiftiIO.write(new Volume(6, 1, 1, values, AFFINE, SPACING, 4), file);

        assertArrayEquals(new float[] {3, 2, -1, -1, 255, 0}, NiftiIO.read(file).data());
    }

    @Test
    void qformIsWrittenForARotationTimesSpacingAndReadBackWithoutTheSform() throws IOException {
        double angle = Math.toRadians(30);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] spacing = {0.8, 1.2, 3.0};
        // Rotation about z times spacing, with z flipped so that qfac must be -1.
        double[] affine = {
            cos * 0.8, -sin * 1.2, 0, -100.5,
            sin * 0.8, cos * 1.2, 0, 50.25,
            0, 0, -3.0, 12,
            0, 0, 0, 1,
        };
        Path file = dir.resolve("q.nii");
        NiftiIO.write(new Volume(2, 2, 2, new float[8], affine, spacing, 16), file);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, bytes.getShort(252), "qform_code");
        assertEquals(-1f, bytes.getFloat(76), "qfac");

        bytes.putShort(254, (short) 0); // sform_code 0: the reader must now rebuild the affine from the qform
        Files.write(file, bytes.array());
        double[] read = NiftiIO.read(file).affine();

        for (int i = 0; i < 16; i++) {
            assertEquals(affine[i], read[i], 1e-5, "affine[" + i + "]");
        }
    }

    @Test
    void qformIsOmittedWhenTheAffineHasShear() throws IOException {
        double[] sheared = {1, 0.5, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        Path file = dir.resolve("s.nii");
        NiftiIO.write(new Volume(2, 2, 2, new float[8], sheared, new double[] {1, 1, 1}, 2), file);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals(0, bytes.getShort(252), "qform_code");
        assertEquals(1, bytes.getShort(254), "sform_code");
        assertArrayEquals(sheared, NiftiIO.read(file).affine());
    }

    /** A minimal header as another tool might write it; callers adjust fields and append data. */
    private static ByteBuffer header(ByteOrder order, int dataBytes, int datatype, int... dims) {
        ByteBuffer h = ByteBuffer.allocate(352 + dataBytes).order(order);
        h.putInt(0, 348);
        h.putShort(40, (short) dims.length);
        for (int i = 0; i < dims.length; i++) {
            h.putShort(42 + 2 * i, (short) dims[i]);
        }
        h.putShort(70, (short) datatype);
        for (int i = 1; i <= 3; i++) {
            h.putFloat(76 + 4 * i, 1f);
        }
        h.putFloat(108, 352f);
        h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    @Test
    void handMadeBigEndianQformInt16FileWithScaling() throws IOException {
        ByteBuffer h = header(ByteOrder.BIG_ENDIAN, 12 * 2, 4, 3, 2, 2, 1);
        h.putShort(72, (short) 16);
        float[] pixdim = {-1f, 2f, 3f, 4f};
        for (int i = 0; i < 4; i++) {
            h.putFloat(76 + 4 * i, pixdim[i]);
        }
        h.putFloat(112, 2f); // scl_slope
        h.putFloat(116, -10f); // scl_inter
        h.putShort(252, (short) 1); // qform_code
        h.putShort(254, (short) 0); // sform_code: the srows below must be ignored
        // b = c = d = 0.5 (so a = 0.5): the rotation that maps x to y, y to z and z to x.
        h.putFloat(256, 0.5f).putFloat(260, 0.5f).putFloat(264, 0.5f);
        h.putFloat(268, 10f).putFloat(272, -20f).putFloat(276, 30.5f);
        for (int i = 0; i < 12; i++) {
            h.putFloat(280 + 4 * i, 99f);
        }
        for (int i = 0; i < 12; i++) {
            h.putShort(352 + 2 * i, (short) (i * 1000 - 5000));
        }
        Path file = dir.resolve("hand.nii");
        Files.write(file, h.array());

        Volume v = NiftiIO.read(file);

        assertEquals(3, v.nx());
        assertEquals(2, v.ny());
        assertEquals(2, v.nz());
        // Columns are R * diag(2, 3, -4): x goes to world y, y to world z, z (flipped by qfac) to world x.
        assertArrayEquals(new double[] {
            0, 0, -4, 10,
            2, 0, 0, -20,
            0, 3, 0, 30.5,
            0, 0, 0, 1,
        }, v.affine(), 1e-12);
        assertArrayEquals(new double[] {2, 3, 4}, v.spacing());
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    int i = (z * 2 + y) * 3 + x;
                    assertEquals((i * 1000 - 5000) * 2 - 10, v.get(x, y, z), "voxel " + x + "," + y + "," + z);
                }
            }
        }
        assertEquals(4, v.datatype(), "integer results that fit int16 keep the stored type");
    }

    @Test
    void fractionalScalingMakesTheVolumeFloat32() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 2, 2, 2, 1, 1);
        h.putFloat(112, 0.5f);
        h.put(352, (byte) 3).put(353, (byte) 200);
        Path file = dir.resolve("half.nii");
        Files.write(file, h.array());

        Volume v = NiftiIO.read(file);

        assertArrayEquals(new float[] {1.5f, 100f}, v.data());
        assertEquals(16, v.datatype());
    }

    @Test
    void twoDimensionalFileWithoutQformOrSformGetsADiagonalAffine() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 6, 2, 3, 2);
        h.putFloat(80, 0.5f).putFloat(84, 0.25f).putFloat(88, 0f);
        h.putShort(46, (short) 0); // dim[3] is ignored when dim[0] is 2
        Path file = dir.resolve("flat.nii");
        Files.write(file, h.array());

        Volume v = NiftiIO.read(file);

        assertEquals(1, v.nz());
        assertArrayEquals(new double[] {0.5, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, v.affine());
        assertArrayEquals(new double[] {0.5, 0.25, 1}, v.spacing(), "a zero voxel size cannot be used; 1 stands in");
    }

    private String readError(byte[] content, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return assertThrows(InvalidInputException.class, () -> NiftiIO.read(file)).getMessage();
    }

    @Test
    void dimensionsTooLargeForTheFileAreRejectedBeforeAllocating() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 1 << 20, 4, 256, 256, 128);

        String message = readError(h.array(), "lying.nii");

        assertTrue(message.contains("lying.nii"), message);
        assertTrue(message.contains("header says 256x256x128 int16 = 16 MiB but the file holds only 1 MiB of data"),
                message);
    }

    @Test
    void aGzipFileCannotClaimMoreThanDeflateCouldHold() throws IOException {
        // Within the voxel budget (InputLimits), so the gzip bound is what refuses it.
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 0, 64, 600, 600, 600);

        String message = readError(gzip(h.array()), "lying.nii.gz");

        assertTrue(message.contains("header says 600x600x600 float64 = 1.6 GiB but a gzip file of"), message);
    }

    @Test
    void voxelCountIsCappedWhateverTheDataSize() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 0, 2, 30000, 30000, 30000);

        String message = readError(h.array(), "huge.nii");

        assertTrue(message.contains("header says 30000x30000x30000 = 27000000000000 voxels; at most 2147483639 are "
                + "supported"), message);
    }

    @Test
    void truncatedGzipDataIsReported() throws IOException {
        Path good = dir.resolve("good.nii.gz");
        NiftiIO.write(new Volume(40, 40, 40, valuesFor(16, 64000), AFFINE, SPACING, 16), good);
        byte[] all = Files.readAllBytes(good);

        String message = readError(Arrays.copyOf(all, all.length / 2), "cut.nii.gz");

        assertTrue(message.contains("cut.nii.gz is truncated: header says 40x40x40 float32 = 250 KiB of voxel data "
                + "but only "), message);
    }

    @Test
    void gzipStreamThatEndsEarlyIsReportedAsTruncated() throws IOException {
        // A complete gzip stream whose content is shorter than the header promises.
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 10, 2, 4, 4, 4);

        String message = readError(gzip(h.array()), "short.nii.gz");

        assertTrue(message.contains("short.nii.gz is truncated: header says 4x4x4 uint8 = 64 bytes of voxel data "
                + "but only 10 bytes could be read"), message);
    }

    @Test
    void gzipCutInsideItsOwnHeaderIsReportedAsTruncated() throws IOException {
        byte[] whole = gzip(header(ByteOrder.LITTLE_ENDIAN, 8, 2, 2, 2, 2).array());

        String message = readError(Arrays.copyOf(whole, 6), "stub.nii.gz");

        assertTrue(message.contains("stub.nii.gz is truncated: its gzip stream ends early"), message);
    }

    @Test
    void fileShorterThanAHeaderIsReported() throws IOException {
        String message = readError(new byte[100], "tiny.nii");

        assertTrue(message.contains("tiny.nii is too short for a NIfTI file: it holds 100 bytes"), message);
    }

    @Test
    void negativeDimensionIsRejected() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 0, 2, 4, 4, -4);

        String message = readError(h.array(), "neg.nii");

        assertTrue(message.contains("neg.nii: dim[3] (size along z) is -4; every dimension must be positive"),
                message);
    }

    @Test
    void seriesOfVolumesIsRejected() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 0, 2, 4, 4, 4, 3);

        String message = readError(h.array(), "series.nii");

        assertTrue(message.contains("dim[4] is 3; only a single 3-D volume is supported"), message);
    }

    @Test
    void unsupportedDatatypeIsNamed() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 512, 32, 4, 4, 4);

        String message = readError(h.array(), "complex.nii");

        assertTrue(message.contains("complex.nii: unsupported NIfTI datatype 32 (complex64); supported are 2 uint8"),
                message);
    }

    @Test
    void rgbVoxelsAreReadAsTheirGreyMean() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 2 * 3, 128, 2, 1, 1);
        h.putShort(72, (short) 24);
        h.put(352, (byte) 10).put(353, (byte) 20).put(354, (byte) 31);
        h.put(355, (byte) 255).put(356, (byte) 255).put(357, (byte) 255);
        Path file = dir.resolve("rgb.nii");
        Files.write(file, h.array());

        Volume v = NiftiIO.read(file);

        assertEquals(61 / 3f, v.get(0, 0, 0), 1e-5);
        assertEquals(255f, v.get(1, 0, 0));
        assertEquals(16, v.datatype(), "grey means are kept as float32");
        NiftiIO.write(v, dir.resolve("grey.nii"));
        assertEquals(v, NiftiIO.read(dir.resolve("grey.nii")));
    }

    /** A NIfTI-2 header (540 bytes) followed by the data at offset 544. */
    private static ByteBuffer header2(ByteOrder order, int dataBytes, int datatype, long... dims) {
        ByteBuffer h = ByteBuffer.allocate(544 + dataBytes).order(order);
        h.putInt(0, 540);
        h.put(4, "n+2\0\r\n\032\n".getBytes(StandardCharsets.ISO_8859_1));
        h.putShort(12, (short) datatype);
        h.putLong(16, dims.length);
        for (int i = 0; i < dims.length; i++) {
            h.putLong(24 + 8 * i, dims[i]);
        }
        for (int i = 1; i <= 3; i++) {
            h.putDouble(104 + 8 * i, 1.0);
        }
        h.putLong(168, 544);
        return h;
    }

    @Test
    void nifti2WithSformScalingAndUint16IsRead() throws IOException {
        ByteBuffer h = header2(ByteOrder.LITTLE_ENDIAN, 6 * 2, 512, 3, 2, 1);
        h.putDouble(112, 0.8).putDouble(120, 0.9).putDouble(128, 2.5); // pixdim[1..3]
        h.putDouble(176, 2.0).putDouble(184, -100.0); // scl_slope, scl_inter
        h.putInt(348, 1); // sform_code
        double[] srow = {0.8, 0, 0, -12.5, 0, 0.9, 0, 7, 0, 0, 2.5, 1.25};
        for (int i = 0; i < 12; i++) {
            h.putDouble(400 + 8 * i, srow[i]);
        }
        for (int i = 0; i < 6; i++) {
            h.putShort(544 + 2 * i, (short) (60000 + i));
        }
        Path file = dir.resolve("two.nii.gz");
        Files.write(file, gzip(h.array()));

        Volume v = NiftiIO.read(file);

        assertEquals(3, v.nx());
        assertEquals(2, v.ny());
        assertEquals(1, v.nz());
        assertEquals((60000 + 4) * 2 - 100, v.get(1, 1, 0));
        assertArrayEquals(new double[] {0.8, 0.9, 2.5}, v.spacing(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0, 0, -12.5, 0, 0.9, 0, 7, 0, 0, 2.5, 1.25, 0, 0, 0, 1}, v.affine(),
                1e-12);
        assertArrayEquals(new int[] {3, 2, 1}, NiftiIO.readSize(file));
    }

    @Test
    void bigEndianNifti2WithQformIsRead() throws IOException {
        ByteBuffer h = header2(ByteOrder.BIG_ENDIAN, 4, 2, 2, 2, 1);
        h.putInt(344, 1); // qform_code, identity rotation
        h.putDouble(376, 5.0).putDouble(384, 6.0).putDouble(392, 7.0);
        h.put(544, (byte) 1).put(545, (byte) 2).put(546, (byte) 3).put(547, (byte) 250);
        Path file = dir.resolve("be2.nii");
        Files.write(file, h.array());

        Volume v = NiftiIO.read(file);

        assertEquals(250f, v.get(1, 1, 0));
        assertArrayEquals(new double[] {1, 0, 0, 5, 0, 1, 0, 6, 0, 0, 1, 7, 0, 0, 0, 1}, v.affine(), 1e-12);
    }

    @Test
    void nifti2HeadersThatLieAreRefused() throws IOException {
        ByteBuffer badMagic = header2(ByteOrder.LITTLE_ENDIAN, 4, 2, 2, 2, 1);
        badMagic.put(4, "n+1\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(readError(badMagic.array(), "magic2.nii").contains("is not a NIfTI-2 file: its magic is"));
        ByteBuffer huge = header2(ByteOrder.LITTLE_ENDIAN, 4, 2, 3_000_000_000L, 2, 1);
        assertTrue(readError(huge.array(), "huge2.nii").contains("dim[1] (size along x) is 3000000000"));
        ByteBuffer short2 = header2(ByteOrder.LITTLE_ENDIAN, 0, 2, 2, 2, 1);
        byte[] cut = java.util.Arrays.copyOf(short2.array(), 400);
        assertTrue(readError(cut, "cut2.nii").contains("holds 400 bytes (after any decompression) but the header"
                + " alone takes 540"));
    }

    @Test
    void badMagicIsRejected() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 64, 2, 4, 4, 4);
        h.put(344, "abc\0".getBytes(StandardCharsets.US_ASCII));

        String message = readError(h.array(), "magic.nii");

        assertTrue(message.contains("magic.nii is not a NIfTI-1 file: its magic is \"abc\\x00\", expected \"n+1\""),
                message);
    }

    @Test
    void headerOfAHdrImgPairIsRejectedWithAnExplanation() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 0, 2, 4, 4, 4);
        h.put(344, "ni1\0".getBytes(StandardCharsets.US_ASCII));

        String message = readError(h.array(), "pair.hdr");

        assertTrue(message.contains(".hdr/.img pairs are not supported"), message);
    }

    @Test
    void wrongHeaderSizeIsRejected() throws IOException {
        ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 64, 2, 4, 4, 4);
        h.putInt(0, 1234);

        String message = readError(h.array(), "other.nii");

        assertTrue(message.contains("other.nii is not a NIfTI file: its header size field (sizeof_hdr) is 1234"),
                message);
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.nii.gz");

        String message = assertThrows(InvalidInputException.class, () -> NiftiIO.read(file)).getMessage();

        assertTrue(message.contains(file + " does not exist"), message);
    }

    @Test
    void valueOutOfRangeForTheDatatypeIsRejectedAndNothingIsWritten() throws IOException {
        Path file = dir.resolve("bad.nii.gz");
        Volume v = new Volume(2, 2, 1, new float[] {0, 256, 0, 0}, AFFINE, SPACING, 2);

        String message = assertThrows(InvalidInputException.class, () -> NiftiIO.write(v, file)).getMessage();

        assertTrue(message.contains("value 256.0 at voxel (x 1, y 0, z 0) does not fit NIfTI datatype 2 (uint8, 0 to "
                + "255)"), message);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void nonFiniteValueCannotBeWrittenAsAnInteger() {
        Volume v = new Volume(2, 1, 1, new float[] {Float.NaN, 0}, AFFINE, SPACING, 8);

        String message = assertThrows(InvalidInputException.class, () -> NiftiIO.write(v, dir.resolve("n.nii")))
                .getMessage();

        assertTrue(message.contains("value NaN at voxel (x 0, y 0, z 0) does not fit NIfTI datatype 8"), message);
    }

    @Test
    void unsupportedDatatypeCannotBeWritten() {
        Volume v = new Volume(1, 1, 1, new float[] {0}, AFFINE, SPACING, 32);

        String message = assertThrows(InvalidInputException.class, () -> NiftiIO.write(v, dir.resolve("w.nii")))
                .getMessage();

        assertTrue(message.contains("unsupported NIfTI datatype 32"), message);
        Volume rgb = new Volume(1, 1, 1, new float[] {0}, AFFINE, SPACING, 128);
        String readOnly = assertThrows(InvalidInputException.class, () -> NiftiIO.write(rgb, dir.resolve("c.nii")))
                .getMessage();
        assertTrue(readOnly.contains("datatype 128 (rgb24) is read only"), readOnly);
    }

    @Test
    void writingReplacesAnExistingFile() {
        Path file = dir.resolve("again.nii.gz");
        NiftiIO.write(new Volume(1, 1, 1, new float[] {1}, AFFINE, SPACING, 16), file);
        Volume second = new Volume(2, 1, 1, new float[] {2, 3}, AFFINE, SPACING, 16);

        NiftiIO.write(second, file);

        assertEquals(second, NiftiIO.read(file));
    }

    @Test
    void largeVolumeSpanningSeveralReadBlocksRoundTrips() {
        // More than one 2^20-voxel block, with a partial last block.
        int nx = 130;
        int ny = 100;
        int nz = 90;
        float[] values = new float[nx * ny * nz];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((long) i * 7919 % 30011 - 15000);
        }
        Volume original = new Volume(nx, ny, nz, values, AFFINE, SPACING, 4);
        Path file = dir.resolve("big.nii.gz");

        NiftiIO.write(original, file);

        assertEquals(original, NiftiIO.read(file));
        assertFalse(Files.exists(dir.resolve("big.nii")));
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }
}
