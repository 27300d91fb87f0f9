package org.onepro.data.synthetic;

/**
 * A square label map that structure layouts paint into: later strokes overwrite earlier ones, so the paint order
 * says which structure lies on top.
 */
final class LabelCanvas {

    private final int size;
    private final int[] labels;

    LabelCanvas(int size) {
        this.size = size;
        this.labels = new int[size * size];
    }

    int size() {
        return size;
    }

    int get(int x, int y) {
        return labels[y * size + x];
    }

    void set(int x, int y, int label) {
        labels[y * size + x] = label;
    }

    /** Whether a (possibly fractional) point lies on the canvas. */
    boolean contains(double x, double y) {
        return x >= 0 && y >= 0 && x < size && y < size;
    }

    /** Paints every pixel whose centre lies within {@code radius} of {@code (cx, cy)}. */
    void disc(double cx, double cy, double radius, int label) {
        int x0 = Math.max(0, (int) Math.floor(cx - radius));
        int x1 = Math.min(size - 1, (int) Math.ceil(cx + radius));
        int y0 = Math.max(0, (int) Math.floor(cy - radius));
        int y1 = Math.min(size - 1, (int) Math.ceil(cy + radius));
        double r2 = radius * radius;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                if (dx * dx + dy * dy <= r2) {
                    labels[y * size + x] = label;
                }
            }
        }
    }

    /**
     * Paints a star-shaped lump: the radius at angle {@code t} is
     * {@code radius * (1 + elongation cos 2(t - orientation) + wobble cos(3 t + phase))}.
     */
    void lump(double cx, double cy, double radius, double elongation, double orientation, double wobble,
            double phase, int label) {
        double reach = radius * (1 + Math.abs(elongation) + Math.abs(wobble));
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(size - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(size - 1, (int) Math.ceil(cy + reach));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double t = StrictMath.atan2(dy, dx);
                double r = radius * (1 + elongation * StrictMath.cos(2 * (t - orientation))
                        + wobble * StrictMath.cos(3 * t + phase));
                if (dx * dx + dy * dy <= r * r) {
                    labels[y * size + x] = label;
                }
            }
        }
    }

    /** How many pixels carry {@code label}. */
    int count(int label) {
        int n = 0;
        for (int v : labels) {
            if (v == label) {
                n++;
            }
        }
        return n;
    }

    /** A copy of the labels, row-major. */
    int[] labels() {
        return labels.clone();
    }
}
