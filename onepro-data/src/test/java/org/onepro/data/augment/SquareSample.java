package org.onepro.data.augment;

import java.util.Optional;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;

/** Test sample: a bright square labelled 3 on a darker textured background, with matching scribbles. */
final class SquareSample {

    static final int HEIGHT = 48;
    static final int WIDTH = 56;
    static final int LABEL = 3;
    /** The square spans rows and columns {@code [LOW, HIGH)}, off-centre so that flips and shifts move it. */
    static final int LOW_Y = 12;
    static final int HIGH_Y = 30;
    static final int LOW_X = 14;
    static final int HIGH_X = 34;

    private SquareSample() {
    }

    /**
     * The square at intensity 1 (the top of the range) on a background in {@code [0, 0.3]} that includes exact
     * zeros, so clamping at both ends is exercised. Foreground scribble: one row through the middle of the square;
     * background scribble: a short row near the bottom.
     */
    static LabeledImage create() {
        float[] image = new float[HEIGHT * WIDTH];
        int[] labels = new int[HEIGHT * WIDTH];
        int[] scribbles = new int[HEIGHT * WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                if (inSquare(y, x)) {
                    image[i] = 1f;
                    labels[i] = LABEL;
                    if (y == (LOW_Y + HIGH_Y) / 2 && x > LOW_X + 2 && x < HIGH_X - 3) {
                        scribbles[i] = 1;
                    }
                } else {
                    image[i] = (float) Math.max(0, 0.3 * Math.sin(x / 4.0) * Math.cos(y / 5.0));
                }
                if (y == HEIGHT - 6 && x > 5 && x < 20) {
                    scribbles[i] = 2;
                }
            }
        }
        Image img = Image.of(image, 1, HEIGHT, WIDTH).withSpacing(new PixelSpacing(0.5, 0.5));
        return new LabeledImage("task", "case", img, LabelMap.of(labels, HEIGHT, WIDTH),
                Optional.of(LabelMap.of(scribbles, HEIGHT, WIDTH)));
    }

    static boolean inSquare(int y, int x) {
        return y >= LOW_Y && y < HIGH_Y && x >= LOW_X && x < HIGH_X;
    }

    /** The mean {@code {x, y}} of the pixels labelled {@link #LABEL}. */
    static double[] labelCentroid(LabeledImage sample) {
        return centroid(sample.labels().data(), null);
    }

    /** The intensity-weighted mean {@code {x, y}} of channel 0 above {@code threshold}. */
    static double[] brightCentroid(LabeledImage sample, float threshold) {
        return centroid(null, thresholded(sample.image().channel(0), threshold));
    }

    private static boolean[] thresholded(float[] plane, float threshold) {
        boolean[] out = new boolean[plane.length];
        for (int i = 0; i < plane.length; i++) {
            out[i] = plane[i] > threshold;
        }
        return out;
    }

    private static double[] centroid(int[] labels, boolean[] mask) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < HEIGHT * WIDTH; i++) {
            if (labels != null ? labels[i] == LABEL : mask[i]) {
                sx += i % WIDTH;
                sy += i / WIDTH;
                n++;
            }
        }
        return new double[] {sx / n, sy / n};
    }

    /** Equality of everything a transform may change: image values, spacing, labels and scribbles. */
    static boolean same(LabeledImage a, LabeledImage b) {
        return a.image().equals(b.image()) && a.labels().equals(b.labels()) && a.scribbles().equals(b.scribbles());
    }
}
