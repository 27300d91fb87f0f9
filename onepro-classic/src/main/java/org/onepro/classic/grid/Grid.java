package org.onepro.classic.grid;

import java.util.Arrays;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;

/**
 * A single-channel float image of {@code height x width} values in row-major order. Pixel {@code (x, y)} has its
 * centre at continuous coordinate {@code (x, y)}. The array is shared, not copied: a grid is a working buffer of the
 * classical methods, never handed to users.
 *
 * @param data   the values, {@code height * width} of them
 * @param height rows
 * @param width  columns
 */
public record Grid(float[] data, int height, int width) {

    /**
     * Checks the size.
     *
     * @param data   the values
     * @param height rows, positive
     * @param width  columns, positive
     */
    public Grid {
        Objects.requireNonNull(data, "data");
        if (height <= 0 || width <= 0 || data.length != height * width) {
            throw new IllegalArgumentException("a " + height + "x" + width + " grid needs " + height * width
                    + " values, got " + data.length);
        }
    }

    /**
     * A grid of zeros.
     *
     * @param height rows
     * @param width  columns
     * @return the grid
     */
    public static Grid zeros(int height, int width) {
        return new Grid(new float[height * width], height, width);
    }

    /**
     * The mean over an image's channels, the grey level the registration and the filter bank work on.
     *
     * @param image the image
     * @return its grey grid
     */
    public static Grid grey(Image image) {
        int plane = image.height() * image.width();
        float[] out = new float[plane];
        float[] d = image.data();
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                out[i] += d[c * plane + i];
            }
        }
        float inv = 1f / image.channels();
        for (int i = 0; i < plane; i++) {
            out[i] *= inv;
        }
        return new Grid(out, image.height(), image.width());
    }

    /**
     * One channel of an image.
     *
     * @param image   the image
     * @param channel the channel index
     * @return the channel as a grid (a copy)
     */
    public static Grid channel(Image image, int channel) {
        return new Grid(image.channel(channel), image.height(), image.width());
    }

    /**
     * The value at a pixel.
     *
     * @param y row
     * @param x column
     * @return the value
     */
    public float get(int y, int x) {
        return data[y * width + x];
    }

    /**
     * Bilinear interpolation at a continuous position; positions outside the grid take the nearest border value.
     *
     * @param y row coordinate
     * @param x column coordinate
     * @return the interpolated value
     */
    public float sample(double y, double x) {
        double cy = Math.min(Math.max(y, 0), height - 1);
        double cx = Math.min(Math.max(x, 0), width - 1);
        int y0 = (int) cy;
        int x0 = (int) cx;
        int y1 = Math.min(y0 + 1, height - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        float fy = (float) (cy - y0);
        float fx = (float) (cx - x0);
        float top = data[y0 * width + x0] * (1 - fx) + data[y0 * width + x1] * fx;
        float bottom = data[y1 * width + x0] * (1 - fx) + data[y1 * width + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /**
     * Maps the values linearly so that the {@code low} and {@code high} percentiles become 0 and 1, then clamps to
     * {@code [0, 1]}: images of one task from different scanners or exposures then share a range. A constant grid
     * becomes all zeros.
     *
     * @param low  the lower percentile, in {@code [0, 100)}
     * @param high the upper percentile, in {@code (low, 100]}
     * @return a new grid
     */
    public Grid normalised(double low, double high) {
        float[] sorted = data.clone();
        Arrays.sort(sorted);
        float lo = sorted[(int) Math.floor(low / 100.0 * (sorted.length - 1))];
        float hi = sorted[(int) Math.ceil(high / 100.0 * (sorted.length - 1))];
        float[] out = new float[data.length];
        if (hi > lo) {
            float inv = 1f / (hi - lo);
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(1f, Math.max(0f, (data[i] - lo) * inv));
            }
        }
        return new Grid(out, height, width);
    }

    /**
     * Resamples to another size by bilinear interpolation of pixel centres (each axis scaled on its own), after a
     * Gaussian blur that removes what the smaller grid cannot hold when it shrinks.
     *
     * @param newHeight rows of the result
     * @param newWidth  columns of the result
     * @return the resampled grid
     */
    public Grid resize(int newHeight, int newWidth) {
        if (newHeight <= 0 || newWidth <= 0) {
            throw new InvalidInputException("cannot resize to " + newHeight + "x" + newWidth);
        }
        if (newHeight == height && newWidth == width) {
            return this;
        }
        double sy = height / (double) newHeight;
        double sx = width / (double) newWidth;
        double shrink = Math.max(sy, sx);
        Grid src = shrink > 1.25 ? Gaussian.smooth(this, 0.5 * Math.sqrt(shrink * shrink - 1)) : this;
        float[] out = new float[newHeight * newWidth];
        for (int y = 0; y < newHeight; y++) {
            double yy = (y + 0.5) * sy - 0.5;
            for (int x = 0; x < newWidth; x++) {
                out[y * newWidth + x] = src.sample(yy, (x + 0.5) * sx - 0.5);
            }
        }
        return new Grid(out, newHeight, newWidth);
    }

    /**
     * The size a grid of this shape takes when its longer side is brought down to at most {@code maxSide}
     * (never enlarged), keeping the aspect ratio.
     *
     * @param height  rows
     * @param width   columns
     * @param maxSide the longest side allowed
     * @return {@code {rows, columns}}
     */
    public static int[] fit(int height, int width, int maxSide) {
        int longer = Math.max(height, width);
        if (longer <= maxSide) {
            return new int[] {height, width};
        }
        double s = maxSide / (double) longer;
        return new int[] {Math.max(1, (int) Math.round(height * s)), Math.max(1, (int) Math.round(width * s))};
    }
}
