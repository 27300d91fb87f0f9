package org.onepro.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;

class InputLimitsTest {

    @TempDir
    Path dir;

    /** A valid 1-bit grey PNG of the given size, all black: tens of kilobytes that decode to a huge image. */
    private static byte[] blackPng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8];
        try (OutputStream z = new DeflaterOutputStream(idat)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void aSmallPngThatDecodesToAHugeImageIsRefusedFromItsHeader() throws IOException {
        Path file = dir.resolve("huge.png");
        Files.write(file, blackPng(20000, 20000));
        assertTrue(Files.size(file) < 1_000_000, "the file is small: " + Files.size(file));
        InvalidInputException image = assertThrows(InvalidInputException.class, () -> Image.read(file));
        assertTrue(image.getMessage().contains("huge.png is 20000 x 20000 = 400,000,000 pixels, over the limit"),
                image.getMessage());
        InvalidInputException mask = assertThrows(InvalidInputException.class, () -> Mask.read(file));
        assertTrue(mask.getMessage().contains("20000 x 20000"), mask.getMessage());
        // The same kind of file within the budget reads as before.
        Path small = dir.resolve("small.png");
        Files.write(small, blackPng(40, 30));
        Image ok = Image.read(small);
        assertEquals(30, ok.height());
        assertEquals(40, ok.width());
    }

    @Test
    void aNiftiWhoseHeaderClaimsTooManyVoxelsIsRefusedBeforeItsDataIsRead() throws IOException {
        ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, 348);
        short[] dims = {3, 1000, 1000, 900};
        for (int i = 0; i < dims.length; i++) {
            h.putShort(40 + 2 * i, dims[i]);
        }
        h.putShort(70, (short) 2).putShort(72, (short) 8);
        for (int i = 1; i <= 3; i++) {
            h.putFloat(76 + 4 * i, 1f);
        }
        h.putFloat(108, 352f);
        h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("big.nii.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(h.array());
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NiftiIO.read(file));
        assertTrue(e.getMessage().contains("1000 x 1000 x 900 = 900,000,000 voxels, over the limit"), e.getMessage());
    }

    @Test
    void theBudgetsAreSetBySystemPropertiesAndABadOneIsNamed() {
        Path file = dir.resolve("v.nii");
        NiftiIO.write(new Volume(10, 10, 10, new float[1000], identity(), new double[] {1, 1, 1}, 2), file);
        String before = System.getProperty("onepro.maxVoxels");
        try {
            System.setProperty("onepro.maxVoxels", "999");
            InvalidInputException over = assertThrows(InvalidInputException.class, () -> NiftiIO.read(file));
            assertTrue(over.getMessage().contains("1,000 voxels, over the limit of 999"), over.getMessage());
            System.setProperty("onepro.maxVoxels", "lots");
            InvalidInputException bad = assertThrows(InvalidInputException.class, InputLimits::maxVoxels);
            assertTrue(bad.getMessage().contains("-Donepro.maxVoxels must be a positive whole number"),
                    bad.getMessage());
            System.setProperty("onepro.maxVoxels", "1000");
            assertEquals(1000, NiftiIO.read(file).data().length);
        } finally {
            if (before == null) {
                System.clearProperty("onepro.maxVoxels");
            } else {
                System.setProperty("onepro.maxVoxels", before);
            }
        }
    }

    private static double[] identity() {
        return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    }
}
