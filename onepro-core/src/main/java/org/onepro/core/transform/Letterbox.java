package org.onepro.core.transform;

import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.Point;

/**
 * The square letterbox between an image of one fixed original size and a {@code size x size} model grid: the
 * image is resized so its longer side equals {@code size} (aspect ratio kept), placed at the top-left corner,
 * and the rest of the canvas is padded with zeros. Top-left placement means the valid region starts at
 * {@code (0, 0)} on both sides, so the inverse is a crop plus a resize with no offsets to track.
 *
 * <p>All resampling uses the pixel-centre convention: along an axis with scale
 * {@code s = resized / original}, original coordinate {@code x} maps to {@code (x + 0.5) * s - 0.5}. The two axes
 * may have slightly different scales because the resized size is rounded to whole pixels.
 */
public final class Letterbox {

    private final int originalHeight;
    private final int originalWidth;
    private final int size;
    private final int resizedHeight;
    private final int resizedWidth;

    private Letterbox(int originalHeight, int originalWidth, int size) {
        this.originalHeight = originalHeight;
        this.originalWidth = originalWidth;
        this.size = size;
        int longer = Math.max(originalHeight, originalWidth);
        // Computing h * size / longer (not h * scale) makes the longer side come out as exactly size.
        this.resizedHeight = (int) Math.max(1, Math.round((double) originalHeight * size / longer));
        this.resizedWidth = (int) Math.max(1, Math.round((double) originalWidth * size / longer));
    }

    /**
     * Creates the letterbox for images of one original size.
     *
     * @param height original rows, positive
     * @param width  original columns, positive
     * @param size   side of the square canvas, positive
     * @return the letterbox
     * @throws InvalidInputException if any argument is not positive
     */
    public static Letterbox forImage(int height, int width, int size) {
        if (height <= 0 || width <= 0 || size <= 0) {
            throw new InvalidInputException("letterbox needs a positive image size and canvas size but got "
                    + height + "x" + width + " (height x width) onto " + size + "x" + size);
        }
        return new Letterbox(height, width, size);
    }

    /**
     * Returns the side of the square canvas.
     *
     * @return the canvas size in pixels
     */
    public int size() {
        return size;
    }

    /**
     * Returns the nominal resize factor.
     *
     * @return {@code size / max(originalHeight, originalWidth)}
     */
    public double scale() {
        return (double) size / Math.max(originalHeight, originalWidth);
    }

    /**
     * Returns the rows of the resized image inside the canvas.
     *
     * @return {@code round(originalHeight * scale)}, at least 1
     */
    public int resizedHeight() {
        return resizedHeight;
    }

    /**
     * Returns the columns of the resized image inside the canvas.
     *
     * @return {@code round(originalWidth * scale)}, at least 1
     */
    public int resizedWidth() {
        return resizedWidth;
    }

    /**
     * Returns the rows of the images this letterbox accepts.
     *
     * @return the original height
     */
    public int originalHeight() {
        return originalHeight;
    }

    /**
     * Returns the columns of the images this letterbox accepts.
     *
     * @return the original width
     */
    public int originalWidth() {
        return originalWidth;
    }

    /**
     * Letterboxes an image: every channel is resized bilinearly and zero padded. An axis shrunk by more than 2x
     * is first box-averaged by the integer part of the factor, because bilinear sampling alone would skip source
     * pixels and let thin structures vanish. A pixel spacing, when present, is scaled
     * to the resized pixels so physical sizes stay correct.
     *
     * @param image an image of the original size
     * @return a {@code channels x size x size} image
     * @throws InvalidInputException if the image is not of the original size
     */
    public Image apply(Image image) {
        Objects.requireNonNull(image, "image");
        requireOriginal("image", image.height(), image.width());
        int channels = image.channels();
        float[] out = new float[channels * size * size];
        for (int c = 0; c < channels; c++) {
            pad(resizePlane(image.channel(c)), out, c * size * size);
        }
        Image result = Image.of(out, channels, size, size);
        return image.spacing()
                .map(s -> result.withSpacing(new PixelSpacing(
                        s.x() * originalWidth / resizedWidth, s.y() * originalHeight / resizedHeight)))
                .orElse(result);
    }

    /**
     * Letterboxes a mask: nearest-neighbour resize (so it stays binary) and padding with background.
     *
     * @param mask a mask of the original size
     * @return a {@code size x size} mask
     * @throws InvalidInputException if the mask is not of the original size
     */
    public Mask apply(Mask mask) {
        Objects.requireNonNull(mask, "mask");
        requireOriginal("mask", mask.height(), mask.width());
        boolean[] resized = mask.resizeNearest(resizedHeight, resizedWidth).data();
        boolean[] out = new boolean[size * size];
        for (int y = 0; y < resizedHeight; y++) {
            System.arraycopy(resized, y * resizedWidth, out, y * size, resizedWidth);
        }
        return Mask.of(out, size, size);
    }

    /**
     * Letterboxes one original-size plane exactly as {@link #apply(Image)} treats each channel.
     *
     * @param plane {@code originalHeight * originalWidth} row-major values
     * @return a new array of {@code size * size} values, zero outside the resized region
     * @throws InvalidInputException if the plane has the wrong length
     */
    public float[] applyPlane(float[] plane) {
        Objects.requireNonNull(plane, "plane");
        if (plane.length != originalHeight * originalWidth) {
            throw new InvalidInputException("plane has " + plane.length + " values but this letterbox was made for "
                    + originalHeight + "x" + originalWidth + " (height x width) = "
                    + originalHeight * originalWidth + " values");
        }
        float[] out = new float[size * size];
        pad(resizePlane(plane), out, 0);
        return out;
    }

    /**
     * Maps canvas probabilities back to the original image: the valid top-left region is cropped and resized
     * bilinearly to the original size; the padding is discarded.
     *
     * @param sizeBySizeProbabilities {@code size * size} row-major probabilities in {@code [0, 1]}
     * @return the probability map at the original size
     * @throws InvalidInputException if the array has the wrong length or holds values that are not probabilities
     */
    public ProbabilityMap invert(float[] sizeBySizeProbabilities) {
        Objects.requireNonNull(sizeBySizeProbabilities, "sizeBySizeProbabilities");
        if (sizeBySizeProbabilities.length != size * size) {
            throw new InvalidInputException("canvas probabilities have " + sizeBySizeProbabilities.length
                    + " values but a " + size + "x" + size + " canvas needs " + size * size);
        }
        float[] canvas = ProbabilityMap.of(sizeBySizeProbabilities, size, size).data();
        float[] crop = new float[resizedHeight * resizedWidth];
        for (int y = 0; y < resizedHeight; y++) {
            System.arraycopy(canvas, y * size, crop, y * resizedWidth, resizedWidth);
        }
        float[] restored = PlaneResampler.resize(crop, resizedHeight, resizedWidth, originalHeight, originalWidth);
        return ProbabilityMap.of(restored, originalHeight, originalWidth);
    }

    /**
     * Maps a point from original image coordinates to canvas coordinates.
     *
     * @param p a point in original pixel coordinates
     * @return {@code ((x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5)} with {@code sx = resizedWidth / originalWidth}
     *         and {@code sy = resizedHeight / originalHeight}
     */
    public Point mapPoint(Point p) {
        Objects.requireNonNull(p, "p");
        double sx = (double) resizedWidth / originalWidth;
        double sy = (double) resizedHeight / originalHeight;
        return new Point((p.x() + 0.5) * sx - 0.5, (p.y() + 0.5) * sy - 0.5);
    }

    /**
     * Maps a point from canvas coordinates back to original image coordinates; the exact inverse of
     * {@link #mapPoint}.
     *
     * @param p a point in canvas pixel coordinates
     * @return the corresponding point in original pixel coordinates
     */
    public Point unmapPoint(Point p) {
        Objects.requireNonNull(p, "p");
        double sx = (double) resizedWidth / originalWidth;
        double sy = (double) resizedHeight / originalHeight;
        return new Point((p.x() + 0.5) / sx - 0.5, (p.y() + 0.5) / sy - 0.5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Letterbox other
                && originalHeight == other.originalHeight
                && originalWidth == other.originalWidth
                && size == other.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(originalHeight, originalWidth, size);
    }

    @Override
    public String toString() {
        return "Letterbox[" + originalHeight + "x" + originalWidth + " -> " + resizedHeight + "x" + resizedWidth
                + " in " + size + "x" + size + "]";
    }

    private float[] resizePlane(float[] plane) {
        return PlaneResampler.resize(plane, originalHeight, originalWidth, resizedHeight, resizedWidth);
    }

    private void pad(float[] resized, float[] canvas, int offset) {
        for (int y = 0; y < resizedHeight; y++) {
            System.arraycopy(resized, y * resizedWidth, canvas, offset + y * size, resizedWidth);
        }
    }

    private void requireOriginal(String what, int height, int width) {
        if (height != originalHeight || width != originalWidth) {
            throw new InvalidInputException(what + " is " + height + "x" + width + " but this letterbox was made for "
                    + originalHeight + "x" + originalWidth + " (height x width)");
        }
    }
}
