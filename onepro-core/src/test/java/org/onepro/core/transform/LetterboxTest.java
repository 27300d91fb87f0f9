package org.onepro.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Point;

class LetterboxTest {

    private static float[] smooth(int height, int width) {
        float[] plane = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                plane[y * width + x] = (float) (0.5 + 0.4 * Math.sin(x / 15.0) * Math.cos(y / 20.0));
            }
        }
        return plane;
    }

    private static double meanAbsError(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    @Test
    void geometryOfANonSquareImage() {
        Letterbox box = Letterbox.forImage(30, 50, 32);

        assertEquals(32, box.size());
        assertEquals(0.64, box.scale(), 1e-12);
        assertEquals(19, box.resizedHeight());
        assertEquals(32, box.resizedWidth());
        assertEquals(30, box.originalHeight());
        assertEquals(50, box.originalWidth());
    }

    @Test
    void nonSquareImageIsPaddedWithZerosAtTheBottom() {
        float[] ones = new float[2 * 30 * 50];
        Arrays.fill(ones, 1f);
        Image image = Image.of(ones, 2, 30, 50);

        Image out = Letterbox.forImage(30, 50, 32).apply(image);

        assertEquals(2, out.channels());
        assertEquals(32, out.height());
        assertEquals(32, out.width());
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    assertEquals(y < 19 ? 1f : 0f, out.get(c, y, x), 1e-6f, "c " + c + ", y " + y + ", x " + x);
                }
            }
        }
    }

    @Test
    void tallImageIsPaddedOnTheRight() {
        Letterbox box = Letterbox.forImage(40, 10, 16);
        float[] ones = new float[400];
        Arrays.fill(ones, 1f);

        float[] out = box.applyPlane(ones);

        assertEquals(16, box.resizedHeight());
        assertEquals(4, box.resizedWidth());
        assertEquals(1f, out[15 * 16 + 3], 1e-6f);
        assertEquals(0f, out[15 * 16 + 4]);
    }

    @Test
    void invertUndoesApplyOnASmoothDownsampledImage() {
        Letterbox box = Letterbox.forImage(100, 140, 64);
        float[] plane = smooth(100, 140);

        ProbabilityMap back = box.invert(box.applyPlane(plane));

        assertEquals(100, back.height());
        assertEquals(140, back.width());
        double mae = meanAbsError(plane, back.data());
        assertTrue(mae < 0.01, "mean abs error " + mae);
    }

    @Test
    void invertUndoesApplyOnASmoothUpsampledImage() {
        Letterbox box = Letterbox.forImage(24, 20, 64);
        float[] plane = smooth(24, 20);

        double mae = meanAbsError(plane, box.invert(box.applyPlane(plane)).data());

        assertTrue(mae < 0.005, "mean abs error " + mae);
    }

    @Test
    void imageChannelsMatchApplyPlane() {
        Letterbox box = Letterbox.forImage(37, 23, 16);
        float[] plane = smooth(37, 23);
        float[] chw = new float[2 * plane.length];
        System.arraycopy(plane, 0, chw, 0, plane.length);
        System.arraycopy(plane, 0, chw, plane.length, plane.length);

        Image out = box.apply(Image.of(chw, 2, 37, 23));

        assertArrayEquals(box.applyPlane(plane), out.channel(0));
        assertArrayEquals(box.applyPlane(plane), out.channel(1));
    }

    @Test
    void onePixelLinesSurviveStrongDownsampling() {
        // An 8x shrink: plain bilinear would read only 2 of every 8 columns and lose most one-pixel lines.
        Letterbox box = Letterbox.forImage(16, 256, 32);
        for (int lineX = 0; lineX < 256; lineX++) {
            float[] plane = new float[16 * 256];
            for (int y = 0; y < 16; y++) {
                plane[y * 256 + lineX] = 1f;
            }
            float[] out = box.applyPlane(plane);
            float max = 0;
            for (int x = 0; x < 32; x++) {
                max = Math.max(max, out[x]);
            }
            assertTrue(max > 0.1f, "line at x " + lineX + " peaks at " + max);
        }
    }

    @Test
    void maskApplyThenInvertKeepsALargeDisc() {
        int height = 120;
        int width = 90;
        boolean[] disc = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                disc[y * width + x] = Math.hypot(x - 45, y - 60) <= 35;
            }
        }
        Mask original = Mask.of(disc, height, width);
        Letterbox box = Letterbox.forImage(height, width, 64);

        Mask boxed = box.apply(original);
        boolean[] bits = boxed.data();
        float[] plane = new float[bits.length];
        for (int i = 0; i < bits.length; i++) {
            plane[i] = bits[i] ? 1f : 0f;
        }
        Mask restored = box.invert(plane).threshold(0.5f);

        assertEquals(64, boxed.height());
        assertEquals(64, boxed.width());
        assertTrue(boxed.boundingBox().orElseThrow()[2] < box.resizedWidth(), "padding stays background");
        double dice = SegmentationMetrics.dice(restored, original);
        assertTrue(dice > 0.95, "dice " + dice);
    }

    @Test
    void mapAndUnmapPointRoundTrip() {
        Letterbox box = Letterbox.forImage(30, 50, 32);

        for (Point p : new Point[] {new Point(0, 0), new Point(49, 29), new Point(12.25, 7.5)}) {
            Point back = box.unmapPoint(box.mapPoint(p));
            assertEquals(p.x(), back.x(), 1e-9);
            assertEquals(p.y(), back.y(), 1e-9);
        }
    }

    @Test
    void mapPointUsesPixelCentres() {
        Letterbox box = Letterbox.forImage(30, 50, 32);

        Point mapped = box.mapPoint(new Point(24.5, 14.5));

        // The image centre maps to the resized region's centre, and the outer pixel edge stays put.
        assertEquals(15.5, mapped.x(), 1e-9);
        assertEquals(9.0, mapped.y(), 1e-9);
        assertEquals(-0.5, box.mapPoint(new Point(-0.5, -0.5)).x(), 1e-12);
        assertEquals(31.5, box.mapPoint(new Point(49.5, 0)).x(), 1e-9);
    }

    @Test
    void spacingIsScaledToResizedPixels() {
        Image image = Image.of(new float[100 * 48], 1, 100, 48).withSpacing(new PixelSpacing(0.5, 0.25));

        Image out = Letterbox.forImage(100, 48, 25).apply(image);

        assertEquals(new PixelSpacing(2.0, 1.0), out.spacing().orElseThrow());
    }

    @Test
    void wrongSizedInputsAreRejected() {
        Letterbox box = Letterbox.forImage(30, 50, 32);

        InvalidInputException image = assertThrows(InvalidInputException.class,
                () -> box.apply(Image.of(new float[50 * 30], 1, 50, 30)));
        assertTrue(image.getMessage().contains("50x30") && image.getMessage().contains("30x50"), image.getMessage());
        assertThrows(InvalidInputException.class, () -> box.apply(Mask.empty(30, 49)));
        assertThrows(InvalidInputException.class, () -> box.applyPlane(new float[30 * 50 + 1]));
        assertThrows(InvalidInputException.class, () -> box.invert(new float[31 * 31]));
        assertThrows(InvalidInputException.class, () -> Letterbox.forImage(0, 5, 32));
        assertThrows(InvalidInputException.class, () -> Letterbox.forImage(5, 5, 0));
    }

    @Test
    void invertRejectsValuesThatAreNotProbabilities() {
        Letterbox box = Letterbox.forImage(4, 4, 4);
        float[] probs = new float[16];
        probs[5] = 2f;

        assertThrows(InvalidInputException.class, () -> box.invert(probs));
    }
}
