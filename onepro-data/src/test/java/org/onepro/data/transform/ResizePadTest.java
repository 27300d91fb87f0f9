package org.onepro.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Point;
import org.onepro.core.transform.Letterbox;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;

class ResizePadTest {

    private static final int HEIGHT = 60;
    private static final int WIDTH = 100;

    /** Two labelled rectangles and matching scribbles on a smooth image. */
    private static LabeledImage sample() {
        float[] image = new float[HEIGHT * WIDTH];
        int[] labels = new int[HEIGHT * WIDTH];
        int[] scribbles = new int[HEIGHT * WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                image[i] = (float) (0.5 + 0.4 * Math.sin(x / 9.0) * Math.cos(y / 7.0));
                if (y >= 10 && y < 30 && x >= 15 && x < 45) {
                    labels[i] = 1;
                    scribbles[i] = y == 20 ? 1 : 0;
                } else if (y >= 35 && y < 55 && x >= 60 && x < 90) {
                    labels[i] = 4;
                }
                if (y == 2) {
                    scribbles[i] = 2;
                }
            }
        }
        return new LabeledImage("t", "s", Image.of(image, 1, HEIGHT, WIDTH), LabelMap.of(labels, HEIGHT, WIDTH),
                Optional.of(LabelMap.of(scribbles, HEIGHT, WIDTH)));
    }

    @Test
    void everythingBecomesASquareCanvas() {
        LabeledImage out = new ResizePad(32).apply(sample(), new SplittableRandom(0));

        assertEquals(32, out.image().height());
        assertEquals(32, out.image().width());
        assertEquals(32, out.labels().height());
        assertEquals(32, out.labels().width());
        assertEquals(32, out.scribbles().orElseThrow().height());
        assertEquals("t", out.task());
        assertEquals("s", out.id());
    }

    @Test
    void imageIsResizedExactlyAsTheLetterboxDoes() {
        LabeledImage in = sample();

        LabeledImage out = new ResizePad(48).apply(in, new SplittableRandom(0));

        assertEquals(Letterbox.forImage(HEIGHT, WIDTH, 48).apply(in.image()), out.image());
    }

    @Test
    void eachLabelMatchesTheLetterboxedMaskOfThatLabel() {
        // Independent random labels per pixel, so any change to which source pixel is picked shows up.
        SplittableRandom rng = new SplittableRandom(3);
        int[] labels = new int[HEIGHT * WIDTH];
        int[] scribbles = new int[HEIGHT * WIDTH];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(5);
            scribbles[i] = rng.nextInt(3);
        }
        LabeledImage in = new LabeledImage("t", "s", sample().image(), LabelMap.of(labels, HEIGHT, WIDTH),
                Optional.of(LabelMap.of(scribbles, HEIGHT, WIDTH)));
        for (int size : new int[] {37, 64, 150}) {
            Letterbox box = Letterbox.forImage(HEIGHT, WIDTH, size);

            LabeledImage out = new ResizePad(size).apply(in, new SplittableRandom(0));

            assertEquals(Set.of(1, 2, 3, 4), out.labels().labels());
            for (int label = 1; label <= 4; label++) {
                assertEquals(box.apply(in.labels().mask(label)), out.labels().mask(label), size + ": label " + label);
            }
            for (int value = 1; value <= 2; value++) {
                assertEquals(box.apply(in.scribbles().orElseThrow().mask(value)),
                        out.scribbles().orElseThrow().mask(value), size + ": scribble " + value);
            }
        }
    }

    @Test
    void paddingIsBackground() {
        LabeledImage out = new ResizePad(50).apply(sample(), new SplittableRandom(0));
        int resizedHeight = Letterbox.forImage(HEIGHT, WIDTH, 50).resizedHeight();

        for (int y = resizedHeight; y < 50; y++) {
            for (int x = 0; x < 50; x++) {
                assertEquals(0, out.labels().get(y, x));
                assertEquals(0, out.scribbles().orElseThrow().get(y, x));
                assertEquals(0f, out.image().get(0, y, x));
            }
        }
    }

    @Test
    void geometryMapsCanvasPredictionsBackOntoTheOriginal() {
        LabeledImage in = sample();
        LabeledImage out = new ResizePad(40).apply(in, new SplittableRandom(0));

        Letterbox geometry = ResizePad.geometryOf(in, 40);

        assertEquals(Letterbox.forImage(HEIGHT, WIDTH, 40), geometry);
        boolean[] canvas = out.labels().mask(4).data();
        float[] probabilities = new float[canvas.length];
        for (int i = 0; i < canvas.length; i++) {
            probabilities[i] = canvas[i] ? 1f : 0f;
        }
        Mask restored = geometry.invert(probabilities).threshold(0.5f);
        assertTrue(SegmentationMetrics.dice(restored, in.labels().mask(4)) > 0.9);
        Point original = centroid(in.labels(), 4);
        Point back = geometry.unmapPoint(centroid(out.labels(), 4));
        assertEquals(original.x(), back.x(), 1.0);
        assertEquals(original.y(), back.y(), 1.0);
    }

    private static Point centroid(LabelMap labels, int label) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < labels.height(); y++) {
            for (int x = 0; x < labels.width(); x++) {
                if (labels.get(y, x) == label) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return new Point(sx / n, sy / n);
    }

    @Test
    void rejectsANonPositiveSize() {
        assertThrows(IllegalArgumentException.class, () -> new ResizePad(0));
    }
}
