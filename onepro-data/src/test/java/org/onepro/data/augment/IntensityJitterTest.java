package org.onepro.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabeledImage;

/** Behaviour specific to {@link GammaJitter}, {@link ContrastJitter} and {@link GaussianNoise}. */
class IntensityJitterTest {

    private static LabeledImage withImage(float[] values, int channels) {
        LabeledImage square = SquareSample.create();
        Image image = Image.of(values, channels, SquareSample.HEIGHT, SquareSample.WIDTH);
        return new LabeledImage(square.task(), square.id(), image, square.labels(), square.scribbles());
    }

    private static float[] ramp() {
        float[] values = new float[SquareSample.HEIGHT * SquareSample.WIDTH];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / (float) (values.length - 1);
        }
        return values;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void fixedGammaRaisesEveryValueToThatPower() {
        float[] ramp = ramp();
        LabeledImage in = withImage(ramp, 1);

        LabeledImage out = new GammaJitter(1, 2, 2).apply(in, new SplittableRandom(0));

        float[] expected = new float[ramp.length];
        for (int i = 0; i < ramp.length; i++) {
            expected[i] = ramp[i] * ramp[i];
        }
        assertArrayEquals(expected, out.image().data(), 1e-6f);
        assertEquals(in.labels(), out.labels());
        assertEquals(in.scribbles(), out.scribbles());
    }

    @Test
    void gammaIsLogUniformSoBrighteningAndDarkeningAreEquallyLikely() {
        float[] half = new float[SquareSample.HEIGHT * SquareSample.WIDTH];
        java.util.Arrays.fill(half, 0.5f);
        LabeledImage in = withImage(half, 1);
        GammaJitter gamma = new GammaJitter(1, 0.5, 2);
        int brighter = 0;
        int n = 2000;
        for (long seed = 0; seed < n; seed++) {
            // gamma < 1 raises 0.5; a plain uniform draw on [0.5, 2] would do so only a third of the time.
            brighter += gamma.apply(in, new SplittableRandom(seed)).image().get(0, 0, 0) > 0.5f ? 1 : 0;
        }
        assertEquals(0.5, brighter / (double) n, 0.04);
    }

    @Test
    void gammaClampsOutOfRangeInputInsteadOfProducingNaN() {
        float[] values = ramp();
        values[0] = -0.4f;
        values[1] = 1.7f;

        float[] out = new GammaJitter(1, 0.7, 0.7).apply(withImage(values, 1), new SplittableRandom(0)).image().data();

        assertEquals(0f, out[0]);
        assertEquals(1f, out[1]);
    }

    @Test
    void contrastScalesEachChannelAboutItsOwnMean() {
        float[] twoChannels = new float[2 * SquareSample.HEIGHT * SquareSample.WIDTH];
        float[] ramp = ramp();
        for (int i = 0; i < ramp.length; i++) {
            twoChannels[i] = 0.25f + 0.5f * ramp[i];
            twoChannels[ramp.length + i] = 0.4f + 0.2f * ramp[i];
        }
        Image in = withImage(twoChannels, 2).image();

        Image out = new ContrastJitter(1, 0.5, 0.5).apply(withImage(twoChannels, 2), new SplittableRandom(0)).image();

        for (int c = 0; c < 2; c++) {
            assertEquals(mean(in.channel(c)), mean(out.channel(c)), 1e-6);
            assertEquals(0.5 * std(in.channel(c)), std(out.channel(c)), 1e-6);
        }
    }

    @Test
    void contrastAboveOneIsClampedToTheUnitRange() {
        float[] out = new ContrastJitter(1, 3, 3).apply(withImage(ramp(), 1), new SplittableRandom(0)).image().data();

        assertEquals(0f, out[0]);
        assertEquals(1f, out[out.length - 1]);
        assertEquals(0.5f, out[out.length / 2], 0.01f);
    }

    @Test
    void noiseHasTheDrawnStandardDeviation() {
        float[] half = new float[SquareSample.HEIGHT * SquareSample.WIDTH];
        java.util.Arrays.fill(half, 0.5f);

        float[] out = new GaussianNoise(1, 0.02, 0.02).apply(withImage(half, 1), new SplittableRandom(4)).image()
                .data();

        assertEquals(0.5, mean(out), 0.002);
        assertEquals(0.02, std(out), 0.002);
    }

    @Test
    void zeroNoiseLeavesUnitRangeValuesUnchanged() {
        LabeledImage in = withImage(ramp(), 1);

        LabeledImage out = new GaussianNoise(1, 0, 0).apply(in, new SplittableRandom(4));

        assertEquals(in.image(), out.image());
    }

    @Test
    void rejectsInvalidRanges() {
        assertThrows(IllegalArgumentException.class, () -> new GammaJitter(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GammaJitter(1, 1.5, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new ContrastJitter(1, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(1, 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-1, 0, 0.1));
    }
}
