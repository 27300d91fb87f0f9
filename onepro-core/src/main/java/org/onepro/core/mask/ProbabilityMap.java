package org.onepro.core.mask;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;

/**
 * An immutable map of per-pixel foreground probabilities in {@code [0, 1]}, {@code height x width}, row-major.
 */
public final class ProbabilityMap {

    /** Rounding in sigmoid and resampling arithmetic can step this far outside [0, 1]; such values are clamped. */
    private static final float TOLERANCE = 1e-6f;

    private final float[] data;
    private final int height;
    private final int width;

    private ProbabilityMap(float[] data, int height, int width) {
        this.data = data;
        this.height = height;
        this.width = width;
    }

    /**
     * Creates a probability map from a copy of row-major values. Values up to {@code 1e-6} outside
     * {@code [0, 1]} are clamped into range; anything further out is rejected.
     *
     * @param rowMajor {@code height * width} probabilities
     * @param height   number of rows, positive
     * @param width    number of columns, positive
     * @return the probability map
     * @throws InvalidInputException if a dimension is not positive, the length does not match, or a value is NaN
     *                               or outside {@code [0, 1]} beyond the tolerance (the message names its position)
     */
    public static ProbabilityMap of(float[] rowMajor, int height, int width) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        if (height <= 0 || width <= 0) {
            throw new InvalidInputException("probability map dimensions must be positive but were height=" + height
                    + ", width=" + width);
        }
        if (rowMajor.length != (long) height * width) {
            throw new InvalidInputException("probability map has " + rowMajor.length + " values but " + height
                    + "x" + width + " (height x width) needs " + (long) height * width);
        }
        float[] copy = rowMajor.clone();
        for (int i = 0; i < copy.length; i++) {
            float p = copy[i];
            if (Float.isNaN(p) || p < -TOLERANCE || p > 1f + TOLERANCE) {
                throw new InvalidInputException("probability at index " + i + " (y " + i / width + ", x "
                        + i % width + ") is " + p + "; probabilities must lie in [0, 1]");
            }
            copy[i] = Math.min(1f, Math.max(0f, p));
        }
        return new ProbabilityMap(copy, height, width);
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
     * Returns one probability.
     *
     * @param y row
     * @param x column
     * @return the probability at {@code (y, x)}
     * @throws InvalidInputException if the position lies outside the map
     */
    public float get(int y, int x) {
        if (y < 0 || y >= height || x < 0 || x >= width) {
            throw new InvalidInputException("position (y " + y + ", x " + x + ") lies outside the " + height + "x"
                    + width + " (height x width) probability map");
        }
        return data[y * width + x];
    }

    /**
     * Returns a copy of the row-major probabilities.
     *
     * @return a new array of {@code height * width} values
     */
    public float[] data() {
        return data.clone();
    }

    /**
     * Binarises the map. The comparison is inclusive ({@code p >= t}) so that a threshold of 0 selects every
     * pixel and a threshold of 1 still selects pixels the model is certain about.
     *
     * @param t the threshold, finite
     * @return a mask that is {@code true} where the probability is at least {@code t}
     * @throws InvalidInputException if the threshold is NaN or infinite
     */
    public Mask threshold(float t) {
        if (!Float.isFinite(t)) {
            throw new InvalidInputException("threshold must be finite but was " + t);
        }
        boolean[] out = new boolean[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] >= t;
        }
        return Mask.of(out, height, width);
    }

    /**
     * Renders the map as a {@code TYPE_BYTE_GRAY} image, probability {@code p} becoming {@code round(p * 255)}.
     *
     * @return a new buffered image
     */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            samples[i] = Math.round(data[i] * 255f);
        }
        img.getRaster().setSamples(0, 0, width, height, 0, samples);
        return img;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbabilityMap other
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
        return "ProbabilityMap[" + height + "x" + width + "]";
    }
}
