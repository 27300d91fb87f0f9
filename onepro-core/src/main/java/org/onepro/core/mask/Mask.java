package org.onepro.core.mask;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
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
 * An immutable binary mask of {@code height x width} pixels in row-major order; {@code true} marks foreground.
 */
public final class Mask {

    private final boolean[] data;
    private final int height;
    private final int width;

    private Mask(boolean[] data, int height, int width) {
        this.data = data;
        this.height = height;
        this.width = width;
    }

    /**
     * Creates a mask from a copy of row-major values.
     *
     * @param rowMajor {@code height * width} values, {@code true} for foreground
     * @param height   number of rows, positive
     * @param width    number of columns, positive
     * @return the mask
     * @throws InvalidInputException if a dimension is not positive or the length does not match
     */
    public static Mask of(boolean[] rowMajor, int height, int width) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        requireSize(rowMajor.length, height, width);
        return new Mask(rowMajor.clone(), height, width);
    }

    /**
     * Creates a mask that is {@code true} wherever a label map holds the given label, so one class can be
     * picked out of a multi-class annotation.
     *
     * @param labels {@code height * width} row-major labels
     * @param height number of rows, positive
     * @param width  number of columns, positive
     * @param label  the label that marks foreground
     * @return the mask
     * @throws InvalidInputException if a dimension is not positive or the length does not match
     */
    public static Mask fromLabels(int[] labels, int height, int width, int label) {
        Objects.requireNonNull(labels, "labels");
        requireSize(labels.length, height, width);
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == label;
        }
        return new Mask(out, height, width);
    }

    /**
     * Creates a mask with no foreground.
     *
     * @param height number of rows, positive
     * @param width  number of columns, positive
     * @return an all-background mask
     * @throws InvalidInputException if a dimension is not positive
     */
    public static Mask empty(int height, int width) {
        requireDims(height, width);
        return new Mask(new boolean[height * width], height, width);
    }

    /**
     * Converts a {@link BufferedImage} into a mask: any non-zero sample in the first raster band is foreground.
     * The raw band is used (not the colour-converted value) so that label PNGs with palettes or 16-bit samples
     * behave the same as plain 0/255 masks.
     *
     * @param img the image
     * @return the mask
     */
    public static Mask fromBufferedImage(BufferedImage img) {
        Objects.requireNonNull(img, "img");
        Raster raster = img.getRaster();
        int height = raster.getHeight();
        int width = raster.getWidth();
        boolean[] out = new boolean[height * width];
        int type = raster.getTransferType();
        if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            double[] samples = raster.getSamples(0, 0, width, height, 0, (double[]) null);
            for (int i = 0; i < out.length; i++) {
                out[i] = samples[i] != 0.0;
            }
        } else {
            int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
            for (int i = 0; i < out.length; i++) {
                out[i] = samples[i] != 0;
            }
        }
        return new Mask(out, height, width);
    }

    /**
     * Reads a mask image file through {@link ImageIO} and converts it as {@link #fromBufferedImage} does.
     *
     * @param file the mask file
     * @return the mask
     * @throws InvalidInputException if the file is missing, cannot be read, or is not an image ImageIO understands
     */
    public static Mask read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("mask file " + file + " does not exist or is not a regular file");
        }
        BufferedImage img;
        try {
            img = ImageDecoding.read(file);
        } catch (IOException e) {
            throw new InvalidInputException("mask file " + file + " could not be read: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new InvalidInputException("mask file " + file + " is not in an image format ImageIO can read");
        }
        return fromBufferedImage(img);
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
     * Returns one pixel.
     *
     * @param y row
     * @param x column
     * @return whether the pixel is foreground
     * @throws InvalidInputException if the position lies outside the mask
     */
    public boolean get(int y, int x) {
        if (y < 0 || y >= height || x < 0 || x >= width) {
            throw new InvalidInputException("position (y " + y + ", x " + x + ") lies outside the " + height + "x"
                    + width + " (height x width) mask");
        }
        return data[y * width + x];
    }

    /**
     * Counts foreground pixels.
     *
     * @return the number of {@code true} pixels
     */
    public int count() {
        int n = 0;
        for (boolean b : data) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /**
     * Tells whether the mask has no foreground.
     *
     * @return {@code true} when no pixel is foreground
     */
    public boolean isEmpty() {
        for (boolean b : data) {
            if (b) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns a copy of the row-major values.
     *
     * @return a new array of {@code height * width} values
     */
    public boolean[] data() {
        return data.clone();
    }

    /**
     * Converts the mask to a {@code TYPE_BYTE_GRAY} image with 255 for foreground and 0 for background.
     *
     * @return a new buffered image
     */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            samples[i] = data[i] ? 255 : 0;
        }
        img.getRaster().setSamples(0, 0, width, height, 0, samples);
        return img;
    }

    /**
     * Resizes by nearest neighbour using pixel centres: target pixel {@code d} takes source pixel
     * {@code floor((d + 0.5) * source / target)}, which keeps the mask aligned with a bilinearly resized image.
     *
     * @param newHeight target rows, positive
     * @param newWidth  target columns, positive
     * @return the resized mask ({@code this} when the size is unchanged)
     * @throws InvalidInputException if a target dimension is not positive
     */
    public Mask resizeNearest(int newHeight, int newWidth) {
        requireDims(newHeight, newWidth);
        if (newHeight == height && newWidth == width) {
            return this;
        }
        int[] srcX = nearestIndices(width, newWidth);
        boolean[] out = new boolean[newHeight * newWidth];
        for (int y = 0; y < newHeight; y++) {
            int sy = nearestIndex(y, height, newHeight);
            for (int x = 0; x < newWidth; x++) {
                out[y * newWidth + x] = data[sy * width + srcX[x]];
            }
        }
        return new Mask(out, newHeight, newWidth);
    }

    /**
     * Finds the tight box around the foreground.
     *
     * @return {@code {x0, y0, x1, y1}} with both corners inclusive, or empty when there is no foreground
     */
    public Optional<int[]> boundingBox() {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (data[y * width + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? Optional.empty() : Optional.of(new int[] {x0, y0, x1, y1});
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask other
                && height == other.height
                && width == other.width
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Mask[" + height + "x" + width + ", " + count() + " foreground]";
    }

    private static int[] nearestIndices(int source, int target) {
        int[] out = new int[target];
        for (int d = 0; d < target; d++) {
            out[d] = nearestIndex(d, source, target);
        }
        return out;
    }

    private static int nearestIndex(int d, int source, int target) {
        int s = (int) Math.floor((d + 0.5) * source / target);
        return Math.min(source - 1, s);
    }

    private static void requireDims(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new InvalidInputException("mask dimensions must be positive but were height=" + height
                    + ", width=" + width);
        }
    }

    private static void requireSize(int length, int height, int width) {
        requireDims(height, width);
        if (length != (long) height * width) {
            throw new InvalidInputException("mask data has " + length + " values but " + height + "x" + width
                    + " (height x width) needs " + (long) height * width);
        }
    }
}
