package org.onepro.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabeledImage;

/** Behaviour of {@link IntensityCurve} and {@link BiasField}, the steps of appearance randomisation. */
class AppearanceRandomisationTest {

    private static LabeledImage withImage(float[] values) {
        LabeledImage square = SquareSample.create();
        Image image = Image.of(values, 1, SquareSample.HEIGHT, SquareSample.WIDTH);
        return new LabeledImage(square.task(), square.id(), image, square.labels(), square.scribbles());
    }

    private static float[] ramp(boolean reversed) {
        float[] values = new float[SquareSample.HEIGHT * SquareSample.WIDTH];
        for (int i = 0; i < values.length; i++) {
            values[i] = (reversed ? values.length - 1 - i : i) / (float) (values.length - 1);
        }
        return values;
    }

    @Test
    void equalDrawsMapEqualIntensitiesOfTwoImagesAlike() {
        IntensityCurve curve = new IntensityCurve(1, 6);
        for (long seed = 0; seed < 20; seed++) {
            float[] a = curve.apply(withImage(ramp(false)), new SplittableRandom(seed)).image().data();
            float[] b = curve.apply(withImage(ramp(true)), new SplittableRandom(seed)).image().data();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[a.length - 1 - i], 1e-6f, "seed " + seed + ", pixel " + i);
            }
        }
    }

    @Test
    void curvesSpanTheRangeAndReorderBrightnessAsOftenAsNot() {
        IntensityCurve curve = new IntensityCurve(1, 6);
        LabeledImage square = SquareSample.create();
        int inverted = 0;
        int n = 400;
        for (long seed = 0; seed < n; seed++) {
            LabeledImage out = curve.apply(square, new SplittableRandom(seed));
            float[] v = out.image().data();
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            assertTrue(min >= 0 && max <= 1, "values stay in [0, 1]");
            assertEquals(square.labels(), out.labels());
            // The square is 1, the top of the range; the background holds exact zeros.
            inverted += out.image().get(0, SquareSample.LOW_Y, SquareSample.LOW_X) < out.image().get(0, 0, 0) ? 1 : 0;
        }
        assertEquals(0.5, inverted / (double) n, 0.08, "share of curves that make the bright square the darker");
    }

    @Test
    void aStepThatDoesNotFireReturnsTheSampleItself() {
        LabeledImage square = SquareSample.create();
        assertSame(square, new IntensityCurve(0, 6).apply(square, new SplittableRandom(1)));
        assertSame(square, new BiasField(0, 0.3).apply(square, new SplittableRandom(1)));
    }

    @Test
    void aBiasFieldShadesSmoothlyWithinItsStrength() {
        float[] grey = new float[SquareSample.HEIGHT * SquareSample.WIDTH];
        Arrays.fill(grey, 0.5f);
        LabeledImage flat = withImage(grey);
        BiasField bias = new BiasField(1, 0.3);
        for (long seed = 0; seed < 50; seed++) {
            LabeledImage out = bias.apply(flat, new SplittableRandom(seed));
            Image img = out.image();
            assertNotEquals(Arrays.toString(grey), Arrays.toString(img.data()), "the field changes the image");
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    float v = img.get(0, y, x);
                    // |p| <= 0.3 * (0.5 + 0.5 + 0.25 + 0.25 + 0.25) = 0.525 at any pixel.
                    assertTrue(v >= 0.5 * Math.exp(-0.53) && v <= 0.5 * Math.exp(0.53), "gain bounded: " + v);
                    if (x > 0) {
                        assertEquals(img.get(0, y, x - 1), v, 0.02f, "neighbours shade alike");
                    }
                }
            }
            assertEquals(flat.labels(), out.labels());
        }
        assertArrayEquals(grey, flat.image().data(), "the input is left as it was");
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IntensityCurve(0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new IntensityCurve(1.5, 4));
        assertThrows(IllegalArgumentException.class, () -> new BiasField(0.5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new BiasField(0.5, Double.NaN));
    }
}
