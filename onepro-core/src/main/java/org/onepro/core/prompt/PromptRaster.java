package org.onepro.core.prompt;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;

/**
 * Turns prompt geometry into row-major {@code float} pixel maps with values in {@code [0, 1]}.
 *
 * <p>Grid pixel {@code (i, j)} is sampled at its centre, continuous coordinate {@code (i, j)}. Methods that take
 * image-space prompts also take an affine map {@code x' = x * scale + offsetX}, {@code y' = y * scale + offsetY}
 * so a model can rasterise straight onto its resized or padded input grid without resampling a full-size map.
 * Geometry that falls partly or wholly outside the grid is clipped, not rejected.
 */
public final class PromptRaster {

    /** Beyond 4 sigma a Gaussian is below 3.4e-4 of its peak; cutting there keeps a blob O(sigma^2). */
    private static final double CUT_OFF_SIGMAS = 4.0;

    private PromptRaster() {
    }

    /**
     * Draws an isotropic Gaussian with peak value 1 at {@code (cx, cy)}. The peak is not renormalised when the
     * centre falls between pixel centres, so the map stays a faithful sample of the continuous bump; values
     * further than {@code 4 * sigma} from the centre are exactly 0.
     *
     * @param height grid rows, positive
     * @param width  grid columns, positive
     * @param cx     centre column in grid coordinates, finite (may lie off the grid)
     * @param cy     centre row in grid coordinates, finite (may lie off the grid)
     * @param sigma  standard deviation in grid pixels, finite and positive
     * @return a new array of {@code height * width} values
     * @throws InvalidInputException if the size is not positive or a parameter is not finite or sigma not positive
     */
    public static float[] gaussianBlob(int height, int width, double cx, double cy, double sigma) {
        requireGrid(height, width);
        requireFinite("blob centre", cx, cy);
        if (!Double.isFinite(sigma) || sigma <= 0) {
            throw new InvalidInputException("blob sigma must be finite and positive but was " + sigma);
        }
        float[] out = new float[height * width];
        double radius = CUT_OFF_SIGMAS * sigma;
        double radius2 = radius * radius;
        double inv2s2 = 1.0 / (2.0 * sigma * sigma);
        if (cy + radius < 0 || cy - radius > height - 1 || cx + radius < 0 || cx - radius > width - 1) {
            return out;
        }
        int ys = clampIndex(Math.ceil(cy - radius), height);
        int ye = clampIndex(Math.floor(cy + radius), height);
        int xs = clampIndex(Math.ceil(cx - radius), width);
        int xe = clampIndex(Math.floor(cx + radius), width);
        for (int y = ys; y <= ye; y++) {
            double dy2 = (y - cy) * (y - cy);
            for (int x = xs; x <= xe; x++) {
                double d2 = dy2 + (x - cx) * (x - cx);
                if (d2 <= radius2) {
                    out[y * width + x] = (float) Math.exp(-d2 * inv2s2);
                }
            }
        }
        return out;
    }

    /**
     * Draws every stroke whose foreground flag equals {@code foreground}: a grid pixel is 1 when its centre lies
     * within half the mapped brush width ({@code width * scale}, but never under 1 pixel so thin strokes stay
     * connected) of a mapped stroke segment, and 0 otherwise.
     *
     * @param height     grid rows, positive
     * @param width      grid columns, positive
     * @param strokes    the strokes in image coordinates
     * @param foreground which strokes to draw
     * @param scale      image-to-grid scale, finite and positive
     * @param offsetX    grid column of image column 0, finite
     * @param offsetY    grid row of image row 0, finite
     * @return a new array of {@code height * width} values, each 0 or 1
     * @throws InvalidInputException if the size is not positive or the map parameters are not finite or the
     *                               scale is not positive
     */
    public static float[] strokes(int height, int width, List<Stroke> strokes, boolean foreground, double scale,
                                  double offsetX, double offsetY) {
        requireGrid(height, width);
        Objects.requireNonNull(strokes, "strokes");
        requireAffine(scale, offsetX, offsetY);
        float[] out = new float[height * width];
        for (Stroke stroke : strokes) {
            if (stroke.foreground() != foreground) {
                continue;
            }
            double half = Math.max(1.0, stroke.width() * scale) / 2.0;
            List<Point> pts = stroke.points();
            for (int i = 1; i < pts.size(); i++) {
                Point a = pts.get(i - 1);
                Point b = pts.get(i);
                drawSegment(out, height, width,
                        a.x() * scale + offsetX, a.y() * scale + offsetY,
                        b.x() * scale + offsetX, b.y() * scale + offsetY, half);
            }
        }
        return out;
    }

    /**
     * Fills a box: a grid pixel is 1 when its centre lies inside the box, edges included, and 0 otherwise.
     *
     * @param height grid rows, positive
     * @param width  grid columns, positive
     * @param x0     left edge in grid coordinates
     * @param y0     top edge in grid coordinates
     * @param x1     right edge in grid coordinates, not less than {@code x0}
     * @param y1     bottom edge in grid coordinates, not less than {@code y0}
     * @return a new array of {@code height * width} values, each 0 or 1
     * @throws InvalidInputException if the size is not positive, a coordinate is not finite, or the box is inverted
     */
    public static float[] filledBox(int height, int width, double x0, double y0, double x1, double y1) {
        requireGrid(height, width);
        requireFinite("box corner", x0, y0);
        requireFinite("box corner", x1, y1);
        if (x1 < x0 || y1 < y0) {
            throw new InvalidInputException("inverted box (" + x0 + ", " + y0 + ") - (" + x1 + ", " + y1 + ")");
        }
        float[] out = new float[height * width];
        if (x1 < 0 || y1 < 0 || x0 > width - 1 || y0 > height - 1) {
            return out;
        }
        int xs = clampIndex(Math.ceil(x0), width);
        int xe = clampIndex(Math.floor(x1), width);
        int ys = clampIndex(Math.ceil(y0), height);
        int ye = clampIndex(Math.floor(y1), height);
        if (xs > xe) {
            // A box narrower than a pixel that sits between two centres covers none of them.
            return out;
        }
        for (int y = ys; y <= ye; y++) {
            Arrays.fill(out, y * width + xs, y * width + xe + 1, 1f);
        }
        return out;
    }

    private static void drawSegment(float[] out, int height, int width, double ax, double ay, double bx, double by,
                                    double half) {
        // Only the segment's bounding box grown by the brush radius can be touched, which keeps short doodle
        // segments cheap on large grids.
        double minX = Math.min(ax, bx) - half;
        double maxX = Math.max(ax, bx) + half;
        double minY = Math.min(ay, by) - half;
        double maxY = Math.max(ay, by) + half;
        if (maxX < 0 || maxY < 0 || minX > width - 1 || minY > height - 1) {
            return;
        }
        int xs = clampIndex(Math.ceil(minX), width);
        int xe = clampIndex(Math.floor(maxX), width);
        int ys = clampIndex(Math.ceil(minY), height);
        int ye = clampIndex(Math.floor(maxY), height);
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double half2 = half * half;
        for (int y = ys; y <= ye; y++) {
            for (int x = xs; x <= xe; x++) {
                double t = len2 == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len2;
                t = Math.max(0, Math.min(1, t));
                double ex = ax + t * dx - x;
                double ey = ay + t * dy - y;
                if (ex * ex + ey * ey <= half2) {
                    out[y * width + x] = 1f;
                }
            }
        }
    }

    private static int clampIndex(double v, int size) {
        return (int) Math.max(0, Math.min(size - 1, v));
    }

    private static void requireGrid(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new InvalidInputException("raster size must be positive but was " + height + "x" + width
                    + " (height x width)");
        }
    }

    private static void requireFinite(String what, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InvalidInputException(what + " (" + x + ", " + y + ") must have finite coordinates");
        }
    }

    private static void requireAffine(double scale, double offsetX, double offsetY) {
        if (!Double.isFinite(scale) || scale <= 0) {
            throw new InvalidInputException("raster scale must be finite and positive but was " + scale);
        }
        requireFinite("raster offset", offsetX, offsetY);
    }
}
