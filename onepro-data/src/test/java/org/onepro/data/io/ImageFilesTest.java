package org.onepro.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.data.dataset.LabelMap;

class ImageFilesTest {

    private static final int H = 6;
    private static final int W = 7;

    @TempDir
    Path dir;

    /** Every 8-bit level used somewhere, so an off-by-one in scaling shows. */
    private static int level(int c, int y, int x) {
        return (c * 97 + y * W * 5 + x * 5) % 256;
    }

    private static Image eightBitImage(int channels) {
        float[] v = new float[channels * H * W];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    v[(c * H + y) * W + x] = level(c, y, x) / 255f;
                }
            }
        }
        return Image.of(v, channels, H, W);
    }

    private Path writeWithImageIo(BufferedImage img, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, file.toFile()), "ImageIO has a " + format + " writer");
        return file;
    }

    @Test
    void anImageOverThePixelBudgetIsOneClearErrorNamingTheFile() {
        Path file = dir.resolve("wide.png");
        ImageFiles.writeImage(Image.of(new float[20 * 30], 1, 20, 30), file);
        String before = System.getProperty("onepro.maxPixels");
        try {
            System.setProperty("onepro.maxPixels", "100");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFiles.readImage(file));
            assertTrue(e.getMessage().startsWith(file + " is 30 x 20 = 600 pixels, over the limit of 100"),
                    e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("onepro.maxPixels");
            } else {
                System.setProperty("onepro.maxPixels", before);
            }
        }
    }

    @Test
    void eightBitGreyRoundTripsExactly() {
        Image image = eightBitImage(1);
        Path file = dir.resolve("grey.png");

        ImageFiles.writeImage(image, file);

        assertEquals(image, ImageFiles.readImage(file));
    }

    @Test
    void rgbRoundTripsExactly() {
        Image image = eightBitImage(3);
        Path file = dir.resolve("rgb.png");

        ImageFiles.writeImage(image, file);

        assertEquals(image, ImageFiles.readImage(file));
    }

    @Test
    void sixteenBitGreyIsScaledBy65535() throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        int[] samples = new int[H * W];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i * 1531;
        }
        samples[1] = 65535;
        img.getRaster().setSamples(0, 0, W, H, 0, samples);
        Path file = writeWithImageIo(img, "png", "grey16.png");

        Image read = ImageFiles.readImage(file);

        assertEquals(1, read.channels());
        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i] / 65535f, read.get(0, i / W, i % W), "pixel " + i);
        }
    }

    @Test
    void alphaIsDropped() throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.setRGB(x, y, (x * 30) << 24 | level(0, y, x) << 16 | level(1, y, x) << 8 | level(2, y, x));
            }
        }
        Path file = writeWithImageIo(img, "png", "rgba.png");

        assertEquals(eightBitImage(3), ImageFiles.readImage(file));
    }

    @Test
    void tiffGreyAndRgbRead() throws IOException {
        Image grey = eightBitImage(1);
        Image rgb = eightBitImage(3);
        Path greyFile = writeWithImageIo(grey.toBufferedImage(), "tiff", "grey.tif");
        Path rgbFile = writeWithImageIo(rgb.toBufferedImage(), "tiff", "rgb.TIFF");

        assertEquals(grey, ImageFiles.readImage(greyFile));
        assertEquals(rgb, ImageFiles.readImage(rgbFile));
    }

    @Test
    void bmpGreyComesBackAsOneChannelAndRgbAsThree() throws IOException {
        Image grey = eightBitImage(1);
        Image rgb = eightBitImage(3);
        Path greyFile = writeWithImageIo(grey.toBufferedImage(), "bmp", "grey.bmp");
        Path rgbFile = writeWithImageIo(rgb.toBufferedImage(), "bmp", "rgb.bmp");

        assertEquals(grey, ImageFiles.readImage(greyFile));
        assertEquals(rgb, ImageFiles.readImage(rgbFile));
    }

    @Test
    void colourPaletteBecomesRgbAndGreyPaletteOneChannel() throws IOException {
        byte[] r = {0, (byte) 200, 10};
        byte[] g = {0, 100, 20};
        byte[] b = {0, 50, (byte) 255};
        BufferedImage colour = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 3, r, g, b));
        colour.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {1, 2});
        byte[] grey = {0, (byte) 128, (byte) 255};
        BufferedImage greyPalette = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 3, grey, grey, grey));
        greyPalette.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {2, 1});

        Path colourFile = writeWithImageIo(colour, "png", "colour-palette.png");
        Path greyFile = writeWithImageIo(greyPalette, "png", "grey-palette.png");
        Image colourRead = ImageFiles.readImage(colourFile);
        Image greyRead = ImageFiles.readImage(greyFile);
        // The library's own reader gives the same images.
        assertEquals(colourRead, Image.read(colourFile));
        assertEquals(greyRead, Image.read(greyFile));

        assertEquals(Image.of(new float[] {200 / 255f, 10 / 255f, 100 / 255f, 20 / 255f, 50 / 255f, 1f}, 3, 1, 2),
                colourRead);
        assertEquals(Image.of(new float[] {1f, 128 / 255f}, 1, 1, 2), greyRead);
    }

    @Test
    void jpegReadsApproximately() throws IOException {
        float[] v = new float[3 * 32 * 32];
        for (int i = 0; i < v.length; i++) {
            int c = i / 1024;
            int y = (i % 1024) / 32;
            int x = i % 32;
            v[i] = 0.2f + 0.15f * c + 0.005f * x + 0.005f * y;
        }
        Image image = Image.of(v, 3, 32, 32);
        Path file = writeWithImageIo(image.toBufferedImage(), "jpeg", "smooth.JPG");

        Image read = ImageFiles.readImage(file);

        assertEquals(3, read.channels());
        double worst = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    worst = Math.max(worst, Math.abs(read.get(c, y, x) - image.get(c, y, x)));
                }
            }
        }
        assertTrue(worst < 0.05, "JPEG error " + worst);
    }

    @Test
    void textFileNamedPngIsRejectedByName() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "not an image at all\n", StandardCharsets.UTF_8);

        String image = assertThrows(InvalidInputException.class, () -> ImageFiles.readImage(file)).getMessage();
        String labels = assertThrows(InvalidInputException.class, () -> ImageFiles.readLabels(file)).getMessage();

        assertEquals("image file " + file + " is not an image in a format ImageIO can read (PNG, JPEG, BMP, GIF, "
                + "TIFF)", image);
        assertTrue(labels.startsWith("label file " + file + " is not an image"), labels);
    }

    @Test
    void missingFileIsRejectedByName() {
        Path file = dir.resolve("absent.png");

        String message = assertThrows(InvalidInputException.class, () -> ImageFiles.readImage(file)).getMessage();

        assertEquals("image file " + file + " does not exist or is not a regular file", message);
    }

    @Test
    void zeroAnd255MaskReadsAsLabel255() throws IOException {
        Mask mask = Mask.of(new boolean[] {true, false, false, true, true, false}, 2, 3);
        Path file = dir.resolve("mask.png");

        ImageFiles.writeMask(mask, file);

        assertEquals(LabelMap.of(new int[] {255, 0, 0, 255, 255, 0}, 2, 3), ImageFiles.readLabels(file));
        assertEquals(mask, Mask.read(file));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, ImageIO.read(file.toFile()).getType());
    }

    @Test
    void smallLabelsAreWrittenAsEightBitAndLargeOnesAsSixteenBit() throws IOException {
        LabelMap small = LabelMap.of(new int[] {0, 1, 2, 255, 7, 0}, 2, 3);
        LabelMap large = LabelMap.of(new int[] {0, 1, 256, 65535, 7, 0}, 2, 3);
        Path smallFile = dir.resolve("small.png");
        Path largeFile = dir.resolve("large.png");

        ImageFiles.writeLabels(small, smallFile);
        ImageFiles.writeLabels(large, largeFile);

        assertEquals(small, ImageFiles.readLabels(smallFile));
        assertEquals(large, ImageFiles.readLabels(largeFile));
        assertEquals(8, ImageIO.read(smallFile.toFile()).getSampleModel().getSampleSize(0));
        assertEquals(16, ImageIO.read(largeFile.toFile()).getSampleModel().getSampleSize(0));
    }

    @Test
    void paletteLabelPngGivesItsIndices() throws IOException {
        byte[] r = {0, (byte) 255, 0, 0};
        byte[] g = {0, 0, (byte) 255, 0};
        byte[] b = {0, 0, 0, (byte) 255};
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 4, r, g, b));
        img.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 3, 1, 2});

        LabelMap read = ImageFiles.readLabels(writeWithImageIo(img, "png", "voc.png"));

        assertArrayEquals(new int[] {0, 3, 1, 2}, read.data());
    }

    @Test
    void labelAbove65535CannotBeWritten() {
        LabelMap labels = LabelMap.of(new int[] {70000}, 1, 1);
        Path file = dir.resolve("big.png");

        String message = assertThrows(InvalidInputException.class, () -> ImageFiles.writeLabels(labels, file))
                .getMessage();

        assertEquals("cannot write " + file + ": label 70000 does not fit a 16-bit PNG (at most 65535)", message);
        assertFalse(Files.exists(file));
    }

    @Test
    void negativeSignedSamplesAreNotLabels() throws IOException {
        // A signed 16-bit TIFF, which ImageIO reads into a TYPE_SHORT raster.
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_SHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setSamples(0, 0, 2, 1, 0, new int[] {5, -3});
        BufferedImage img = new BufferedImage(cm, raster, false, null);
        Path file = writeWithImageIo(img, "tiff", "signed.tif");

        String message = assertThrows(InvalidInputException.class, () -> ImageFiles.readLabels(file)).getMessage();

        assertEquals("label file " + file + ": pixel (x 1, y 0) holds -3; labels must be non-negative", message);
    }

    @Test
    void writersOnlyWritePng() {
        Path file = dir.resolve("mask.jpg");

        String message = assertThrows(InvalidInputException.class,
                () -> ImageFiles.writeMask(Mask.empty(2, 2), file)).getMessage();

        assertTrue(message.contains(file + ": only PNG is written"), message);
    }

    @Test
    void imageWithTwoChannelsCannotBeWritten() {
        Path file = dir.resolve("two.png");
        Image image = Image.of(new float[8], 2, 2, 2);

        String message = assertThrows(InvalidInputException.class, () -> ImageFiles.writeImage(image, file))
                .getMessage();

        assertTrue(message.startsWith("cannot write " + file + ": only 1- or 3-channel images"), message);
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.png");
        ImageFiles.writeImage(eightBitImage(3), file);
        Image second = eightBitImage(1);

        ImageFiles.writeImage(second, file);

        assertEquals(second, ImageFiles.readImage(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writingCreatesMissingFolders() {
        Path file = dir.resolve("a/b/labels.png");
        LabelMap labels = LabelMap.of(new int[] {1, 2}, 1, 2);

        ImageFiles.writeLabels(labels, file);

        assertEquals(labels, ImageFiles.readLabels(file));
    }

    @Test
    void imageFilesAreRecognisedByExtension() {
        for (String name : List.of("a.png", "b.JPG", "c.jpeg", "d.Bmp", "e.tif", "f.TIFF", "dir/g.png")) {
            assertTrue(ImageFiles.isImageFile(Path.of(name)), name);
        }
        for (String name : List.of("a.nii.gz", "b.gif", "png", "c.png.txt", "d.", "")) {
            assertFalse(ImageFiles.isImageFile(Path.of(name)), name);
        }
    }
}
