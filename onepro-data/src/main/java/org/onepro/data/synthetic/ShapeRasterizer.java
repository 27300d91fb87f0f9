package org.onepro.data.synthetic;

/**
 * Turns a {@link Shape} into a coverage map: each pixel holds the fraction of a 4x4 grid of sample points inside
 * the shape, which anti-aliases the edges of the image; the label keeps the pixels at least half covered.
 */
public final class ShapeRasterizer {

    /** Coverage at or above which a pixel belongs to the shape's label. */
    public static final float LABEL_THRESHOLD = 0.5f;

    private static final int SUBSAMPLES = 4;

    private ShapeRasterizer() {
    }

    /**
     * Rasterises a shape.
     *
     * @param shape  the shape
     * @param height the image rows
     * @param width  the image columns
     * @return {@code height * width} row-major coverages in {@code [0, 1]}
     */
    public static float[] coverage(Shape shape, int height, int width) {
        float[] out = new float[height * width];
        Shape.Bounds b = shape.bounds();
        int x0 = Math.max(0, (int) Math.floor(b.minX()));
        int x1 = Math.min(width - 1, (int) Math.ceil(b.maxX()));
        int y0 = Math.max(0, (int) Math.floor(b.minY()));
        int y1 = Math.min(height - 1, (int) Math.ceil(b.maxY()));
        float weight = 1f / (SUBSAMPLES * SUBSAMPLES);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    // Sample points sit at the centres of a 4x4 split of the pixel's unit square around (x, y).
                    double py = y + (sy + 0.5) / SUBSAMPLES - 0.5;
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        if (shape.contains(x + (sx + 0.5) / SUBSAMPLES - 0.5, py)) {
                            inside++;
                        }
                    }
                }
                out[y * width + x] = inside * weight;
            }
        }
        return out;
    }

    /**
     * Thresholds a coverage map into the shape's label.
     *
     * @param coverage coverages from {@link #coverage}
     * @return true where the coverage is at least {@link #LABEL_THRESHOLD}
     */
    public static boolean[] label(float[] coverage) {
        boolean[] out = new boolean[coverage.length];
        for (int i = 0; i < coverage.length; i++) {
            out[i] = coverage[i] >= LABEL_THRESHOLD;
        }
        return out;
    }
}
