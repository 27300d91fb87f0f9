package org.onepro.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.ImageDecoding;

/**
 * An immutable float image of {@code channels x height x width} values stored channel-major, then row-major
 * (CHW), with an optional physical pixel spacing.
 *
 * <p>Pixel {@code (x, y)} has its centre at continuous coordinate {@code (x, y)}; every value is finite.
 */
public final class Image {

    private final float[] data;
    private final int channels;
    private final int height;
    private final int width;
    private final PixelSpacing spacing;

    private Image(float[] data, int channels, int height, int width, PixelSpacing spacing) {
        this.data = data;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.spacing = spacing;
    }

    /**
     * Creates an image from a copy of CHW row-major data.
     *
     * @param chwData  values, {@code channels * height * width} of them, all finite
     * @param channels number of channels, positive
     * @param height   number of rows, positive
     * @param width    number of columns, positive
     * @return the image, without pixel spacing
     * @throws InvalidInputException if a dimension is not positive, the length does not match, or a value is
     *                               NaN or infinite (the message names the first such value's position)
     */
    public static Image of(float[] chwData, int channels, int height, int width) {
        Objects.requireNonNull(chwData, "chwData");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new InvalidInputException("image dimensions must be positive but were channels=" + channels
                    + ", height=" + height + ", width=" + width);
        }
        long expected = (long) channels * height * width;
        if (chwData.length != expected) {
            throw new InvalidInputException("image data has " + chwData.length + " values but " + channels + "x"
                    + height + "x" + width + " (channels x height x width) needs " + expected);
        }
        float[] copy = chwData.clone();
        int plane = height * width;
        for (int i = 0; i < copy.length; i++) {
            if (!Float.isFinite(copy[i])) {
                int c = i / plane;
                int y = (i % plane) / width;
                int x = i % width;
                throw new InvalidInputException("image value at index " + i + " (channel " + c + ", y " + y + ", x "
                        + x + ") is " + copy[i] + "; every value must be finite");
            }
        }
        return new Image(copy, channels, height, width, null);
    }

    /**
     * Converts a {@link BufferedImage} to a float image scaled to {@code [0, 1]}.
     *
     * <p>Grey images ({@code TYPE_BYTE_GRAY}, {@code TYPE_USHORT_GRAY}, any colour model with a single colour
     * component, or a palette whose every entry is grey, read through its entries) become one channel; everything
     * else becomes three RGB channels with alpha dropped. Integer
     * samples are divided by the largest value their raster sample size can hold (255 for 8 bits, 65535 for 16),
     * so 16-bit medical images keep their full precision; signed 16-bit rasters are shifted by 32768 first, and
     * floating-point rasters are taken as they are.
     *
     * @param img the image to convert
     * @return the converted image, without pixel spacing
     * @throws InvalidInputException if a floating-point raster holds a NaN or infinite value
     */
    public static Image fromBufferedImage(BufferedImage img) {
        Objects.requireNonNull(img, "img");
        int height = img.getHeight();
        int width = img.getWidth();
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        if (isGrey(img)) {
            return of(readBand(raster, 0), 1, height, width);
        }
        if (cm instanceof IndexColorModel palette && isGreyPalette(palette)) {
            // A grey palette's entries, not its indices, are the intensities: one channel, as for any grey image.
            int[] index = raster.getSamples(0, 0, width, height, 0, (int[]) null);
            float[] grey = new float[index.length];
            for (int i = 0; i < index.length; i++) {
                grey[i] = palette.getRed(index[i]) / 255f;
            }
            return of(grey, 1, height, width);
        }
        int plane = height * width;
        float[] rgb = new float[3 * plane];
        if (hasRawRgbBands(cm, raster)) {
            // Reading the bands directly (instead of getRGB) keeps 16-bit RGB at full precision.
            for (int b = 0; b < 3; b++) {
                System.arraycopy(readBand(raster, b), 0, rgb, b * plane, plane);
            }
        } else {
            // Palettes, premultiplied alpha and exotic colour spaces are left to Java2D's sRGB conversion.
            int[] argb = img.getRGB(0, 0, width, height, null, 0, width);
            for (int i = 0; i < plane; i++) {
                rgb[i] = ((argb[i] >> 16) & 0xFF) / 255f;
                rgb[plane + i] = ((argb[i] >> 8) & 0xFF) / 255f;
                rgb[2 * plane + i] = (argb[i] & 0xFF) / 255f;
            }
        }
        return of(rgb, 3, height, width);
    }

    /**
     * Reads an image file through {@link ImageIO} and converts it as {@link #fromBufferedImage} does.
     *
     * @param file the image file
     * @return the image, without pixel spacing
     * @throws InvalidInputException if the file is missing, cannot be read, or is not an image ImageIO understands
     */
    public static Image read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("image file " + file + " does not exist or is not a regular file");
        }
        BufferedImage img;
        try {
            img = ImageDecoding.read(file);
        } catch (IOException e) {
            throw new InvalidInputException("image file " + file + " could not be read: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new InvalidInputException("file " + file + " is not in an image format ImageIO can read");
        }
        return fromBufferedImage(img);
    }

    /**
     * Converts this image to an 8-bit {@link BufferedImage}: one channel gives {@code TYPE_BYTE_GRAY}, three give
     * {@code TYPE_INT_RGB}. Values are clamped to {@code [0, 1]} and scaled to {@code 0..255} with rounding.
     *
     * @return a new buffered image
     * @throws InvalidInputException if the image has neither one nor three channels
     */
    public BufferedImage toBufferedImage() {
        int type;
        if (channels == 1) {
            type = BufferedImage.TYPE_BYTE_GRAY;
        } else if (channels == 3) {
            type = BufferedImage.TYPE_INT_RGB;
        } else {
            throw new InvalidInputException("only 1- or 3-channel images convert to a BufferedImage, this one has "
                    + channels + " channels");
        }
        BufferedImage img = new BufferedImage(width, height, type);
        WritableRaster raster = img.getRaster();
        int plane = height * width;
        int[] samples = new int[plane];
        // Both target types expose one raster band per channel in channel order (grey, or R, G, B).
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < plane; i++) {
                float v = Math.min(1f, Math.max(0f, data[c * plane + i]));
                samples[i] = Math.round(v * 255f);
            }
            raster.setSamples(0, 0, width, height, c, samples);
        }
        return img;
    }

    /**
     * Returns the number of channels.
     *
     * @return the channel count
     */
    public int channels() {
        return channels;
    }

    /**
     * Returns the number of rows.
     *
     * @return the height in pixels
     */
    public int height() {
        return height;
    }

    /**
     * Returns the number of columns.
     *
     * @return the width in pixels
     */
    public int width() {
        return width;
    }

    /**
     * Returns one value.
     *
     * @param c channel
     * @param y row
     * @param x column
     * @return the value at {@code (c, y, x)}
     * @throws InvalidInputException if the position lies outside the image
     */
    public float get(int c, int y, int x) {
        if (c < 0 || c >= channels || y < 0 || y >= height || x < 0 || x >= width) {
            throw new InvalidInputException("position (channel " + c + ", y " + y + ", x " + x + ") lies outside the "
                    + channels + "x" + height + "x" + width + " (channels x height x width) image");
        }
        return data[(c * height + y) * width + x];
    }

    /**
     * Returns a copy of all values in CHW row-major order.
     *
     * @return a new array of {@code channels * height * width} values
     */
    public float[] data() {
        return data.clone();
    }

    /**
     * Returns a copy of one channel plane in row-major order.
     *
     * @param c the channel
     * @return a new array of {@code height * width} values
     * @throws InvalidInputException if the channel does not exist
     */
    public float[] channel(int c) {
        if (c < 0 || c >= channels) {
            throw new InvalidInputException("channel " + c + " does not exist in an image with " + channels
                    + " channels");
        }
        int plane = height * width;
        return Arrays.copyOfRange(data, c * plane, (c + 1) * plane);
    }

    /**
     * Returns the physical pixel spacing when known.
     *
     * @return the spacing, or empty when the source carried none
     */
    public Optional<PixelSpacing> spacing() {
        return Optional.ofNullable(spacing);
    }

    /**
     * Returns this image with a different pixel spacing.
     *
     * @param s the new spacing, or {@code null} to drop it
     * @return an image with the same values and the given spacing
     */
    public Image withSpacing(PixelSpacing s) {
        return new Image(data, channels, height, width, s);
    }

    /**
     * Converts between grey and multi-channel images so a model can receive the channel count it was built for.
     * A 1-channel image is repeated into {@code n} identical planes; a 3-channel image is averaged into one plane
     * (a plain mean rather than luma weights, because medical "RGB" images are usually grey stored three times).
     *
     * @param target the wanted channel count
     * @return this image when the count already matches, otherwise a converted image with the same spacing
     * @throws InvalidInputException for any other combination of channel counts
     */
    public Image withChannels(int target) {
        if (target == channels) {
            return this;
        }
        int plane = height * width;
        if (channels == 1 && target > 1) {
            float[] out = new float[target * plane];
            for (int c = 0; c < target; c++) {
                System.arraycopy(data, 0, out, c * plane, plane);
            }
            return new Image(out, target, height, width, spacing);
        }
        if (channels == 3 && target == 1) {
            float[] out = new float[plane];
            for (int i = 0; i < plane; i++) {
                out[i] = (data[i] + data[plane + i] + data[2 * plane + i]) / 3f;
            }
            return new Image(out, 1, height, width, spacing);
        }
        throw new InvalidInputException("cannot convert a " + channels + "-channel image to " + target
                + " channels; only 1 to n and 3 to 1 are supported");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other
                && channels == other.channels
                && height == other.height
                && width == other.width
                && Objects.equals(spacing, other.spacing)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, height, width, spacing, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Image[" + channels + "x" + height + "x" + width + (spacing == null ? "" : ", " + spacing) + "]";
    }

    private static boolean isGrey(BufferedImage img) {
        int type = img.getType();
        return type == BufferedImage.TYPE_BYTE_GRAY
                || type == BufferedImage.TYPE_USHORT_GRAY
                || img.getColorModel().getNumColorComponents() == 1;
    }

    private static boolean isGreyPalette(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int r = palette.getRed(i);
            if (palette.getGreen(i) != r || palette.getBlue(i) != r) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasRawRgbBands(ColorModel cm, Raster raster) {
        return !(cm instanceof IndexColorModel)
                && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB
                && cm.getNumColorComponents() == 3
                && !cm.isAlphaPremultiplied()
                && raster.getNumBands() >= 3;
    }

    private static float[] readBand(Raster raster, int band) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int type = raster.getTransferType();
        if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            return raster.getSamples(0, 0, width, height, band, (float[]) null);
        }
        if (type == DataBuffer.TYPE_SHORT) {
            // Signed 16-bit data (e.g. raw CT) is shifted so its full range, negatives included, spans [0, 1].
            int[] samples = raster.getSamples(0, 0, width, height, band, (int[]) null);
            float[] out = new float[samples.length];
            for (int i = 0; i < samples.length; i++) {
                out[i] = (samples[i] - Short.MIN_VALUE) / 65535f;
            }
            return out;
        }
        int bits = raster.getSampleModel().getSampleSize(band);
        double max = (double) ((1L << bits) - 1);
        int[] samples = raster.getSamples(0, 0, width, height, band, (int[]) null);
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            // 32-bit samples arrive as signed ints; reading them unsigned keeps the [0, 1] range.
            out[i] = (float) (Integer.toUnsignedLong(samples[i]) / max);
        }
        return out;
    }
}
