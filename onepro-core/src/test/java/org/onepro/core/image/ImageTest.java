package org.onepro.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class ImageTest {

    @TempDir
    Path tmp;

    @Test
    void grey8BitRoundTripsThroughBufferedImage() {
        BufferedImage src = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = {0, 1, 2, 3, 50, 100, 127, 128, 200, 253, 254, 255};
        src.getRaster().setSamples(0, 0, 4, 3, 0, samples);

        Image image = Image.fromBufferedImage(src);

        assertEquals(1, image.channels());
        assertEquals(3, image.height());
        assertEquals(4, image.width());
        assertEquals(128 / 255f, image.get(0, 1, 3), 1e-7);
        int[] back = image.toBufferedImage().getRaster().getSamples(0, 0, 4, 3, 0, (int[]) null);
        assertArrayEquals(samples, back);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.toBufferedImage().getType());
    }

    @Test
    void grey16BitIsScaledBy65535() {
        BufferedImage src = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        src.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 1000, 65535});

        Image image = Image.fromBufferedImage(src);

        assertEquals(1, image.channels());
        assertArrayEquals(new float[] {0f, 1000 / 65535f, 1f}, image.data(), 1e-7f);
    }

    @Test
    void rgbRoundTripsThroughBufferedImage() {
        BufferedImage src = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        int[] rgb = {0x102030, 0xFF0000, 0x00FF00, 0x0000FF};
        src.setRGB(0, 0, 2, 2, rgb, 0, 2);

        Image image = Image.fromBufferedImage(src);

        assertEquals(3, image.channels());
        assertEquals(0x10 / 255f, image.get(0, 0, 0), 1e-7);
        assertEquals(0x20 / 255f, image.get(1, 0, 0), 1e-7);
        assertEquals(0x30 / 255f, image.get(2, 0, 0), 1e-7);
        assertEquals(1f, image.get(1, 1, 0), 1e-7);
        BufferedImage back = image.toBufferedImage();
        assertEquals(BufferedImage.TYPE_INT_RGB, back.getType());
        int[] backRgb = back.getRGB(0, 0, 2, 2, null, 0, 2);
        for (int i = 0; i < rgb.length; i++) {
            assertEquals(rgb[i], backRgb[i] & 0xFFFFFF, "pixel " + i);
        }
    }

    @Test
    void bgrByteLayoutIsReadInRgbOrder() {
        BufferedImage src = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        src.setRGB(0, 0, 0xC08040);

        Image image = Image.fromBufferedImage(src);

        assertArrayEquals(new float[] {0xC0 / 255f, 0x80 / 255f, 0x40 / 255f}, image.data(), 1e-7f);
    }

    @Test
    void rgbaDropsAlpha() {
        BufferedImage src = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, 0x00FF8000);
        src.setRGB(1, 0, 0x80336699);

        Image image = Image.fromBufferedImage(src);

        assertEquals(3, image.channels());
        assertArrayEquals(new float[] {1f, 0x33 / 255f, 0x80 / 255f, 0x66 / 255f, 0f, 0x99 / 255f},
                image.data(), 1e-7f);
        BufferedImage back = image.toBufferedImage();
        assertEquals(0x336699, back.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void toBufferedImageClampsAndRounds() {
        Image image = Image.of(new float[] {-0.5f, 0.5f, 1.7f, 0.002f}, 1, 1, 4);

        int[] samples = image.toBufferedImage().getRaster().getSamples(0, 0, 4, 1, 0, (int[]) null);

        assertArrayEquals(new int[] {0, 128, 255, 1}, samples);
    }

    @Test
    void toBufferedImageRejectsTwoChannels() {
        Image image = Image.of(new float[8], 2, 2, 2);

        InvalidInputException e = assertThrows(InvalidInputException.class, image::toBufferedImage);
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    }

    @Test
    void nanIsRejectedWithItsPosition() {
        float[] data = new float[2 * 3 * 4];
        data[12 + 4 + 2] = Float.NaN;

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Image.of(data, 2, 3, 4));

        assertTrue(e.getMessage().contains("index 18 (channel 1, y 1, x 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void infinityIsRejected() {
        float[] data = {0f, Float.POSITIVE_INFINITY};

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Image.of(data, 1, 1, 2));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void lengthMismatchAndBadDimensionsAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Image.of(new float[5], 1, 2, 3));
        assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("needs 6"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Image.of(new float[0], 1, 0, 3));
        assertThrows(InvalidInputException.class, () -> Image.of(new float[3], -1, 1, 3));
    }

    @Test
    void dataIsDefensivelyCopied() {
        float[] data = {0.1f, 0.2f};
        Image image = Image.of(data, 1, 1, 2);
        data[0] = 0.9f;
        image.data()[1] = 0.9f;
        image.channel(0)[0] = 0.9f;

        assertArrayEquals(new float[] {0.1f, 0.2f}, image.data());
    }

    @Test
    void channelReturnsOnePlane() {
        Image image = Image.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 1, 2);

        assertArrayEquals(new float[] {3, 4}, image.channel(1));
        assertThrows(InvalidInputException.class, () -> image.channel(3));
        assertThrows(InvalidInputException.class, () -> image.get(0, 1, 0));
    }

    @Test
    void writtenPngReadsBackIdentically() throws IOException {
        Image image = Image.of(new float[] {0f, 64 / 255f, 128 / 255f, 1f}, 1, 2, 2);
        Path file = tmp.resolve("grey.png");
        ImageIO.write(image.toBufferedImage(), "png", file.toFile());

        assertEquals(image, Image.read(file));
    }

    @Test
    void readNamesMissingFile() {
        Path missing = tmp.resolve("nope.png");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Image.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void readNamesFileThatIsNotAnImage() throws IOException {
        Path text = tmp.resolve("notes.png");
        Files.writeString(text, "this is not a png");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Image.read(text));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    }

    @Test
    void withChannelsRepeatsAndAverages() {
        Image grey = Image.of(new float[] {0.2f, 0.4f}, 1, 1, 2);
        Image rgb = grey.withChannels(3);
        assertArrayEquals(new float[] {0.2f, 0.4f, 0.2f, 0.4f, 0.2f, 0.4f}, rgb.data());

        Image colour = Image.of(new float[] {0.3f, 0f, 0.6f, 0.3f, 0.9f, 0.3f}, 3, 1, 2);
        assertArrayEquals(new float[] {0.6f, 0.2f}, colour.withChannels(1).data(), 1e-6f);

        assertSame(grey, grey.withChannels(1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rgb.withChannels(2));
        assertTrue(e.getMessage().contains("3-channel") && e.getMessage().contains("2 channels"), e.getMessage());
    }

    @Test
    void spacingIsCarriedAndCountsForEquality() {
        Image plain = Image.of(new float[] {0.5f}, 1, 1, 1);
        Image spaced = plain.withSpacing(new PixelSpacing(0.7, 0.8));

        assertEquals(Optional.empty(), plain.spacing());
        assertEquals(Optional.of(new PixelSpacing(0.7, 0.8)), spaced.spacing());
        assertEquals(spaced.spacing(), spaced.withChannels(3).spacing());
        assertNotEquals(plain, spaced);
        assertEquals(spaced, Image.of(new float[] {0.5f}, 1, 1, 1).withSpacing(new PixelSpacing(0.7, 0.8)));
        assertEquals(spaced.hashCode(),
                Image.of(new float[] {0.5f}, 1, 1, 1).withSpacing(new PixelSpacing(0.7, 0.8)).hashCode());
    }

    @Test
    void equalityDependsOnShapeAndData() {
        Image a = Image.of(new float[] {1, 2}, 1, 1, 2);

        assertEquals(a, Image.of(new float[] {1, 2}, 1, 1, 2));
        assertNotEquals(a, Image.of(new float[] {1, 2}, 1, 2, 1));
        assertNotEquals(a, Image.of(new float[] {1, 3}, 1, 1, 2));
    }

    @Test
    void pixelSpacingMustBePositiveAndFinite() {
        assertThrows(InvalidInputException.class, () -> new PixelSpacing(0, 1));
        assertThrows(InvalidInputException.class, () -> new PixelSpacing(1, -2));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new PixelSpacing(Double.NaN, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
