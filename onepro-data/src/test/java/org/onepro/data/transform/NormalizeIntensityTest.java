package org.onepro.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.transform.PercentileNormalizer;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;

class NormalizeIntensityTest {

    private static LabeledImage sampleOf(float... values) {
        Image image = Image.of(values, 1, 1, values.length).withSpacing(new PixelSpacing(0.8, 0.8));
        int[] labels = new int[values.length];
        labels[0] = 5;
        LabelMap map = LabelMap.of(labels, 1, values.length);
        return new LabeledImage("ct", "slice", image, map, Optional.of(map));
    }

    @Test
    void ctWindowMapsTheWindowEdgesToZeroAndOne() {
        LabeledImage in = sampleOf(-160f, 240f, 40f, -1000f, 3000f, -60f);

        LabeledImage out = NormalizeIntensity.ctWindow(40, 400).apply(in, new SplittableRandom(0));

        assertArrayEquals(new float[] {0f, 1f, 0.5f, 0f, 1f, 0.25f}, out.image().data(), 1e-7f);
        assertEquals(in.labels(), out.labels());
        assertEquals(in.scribbles(), out.scribbles());
        assertEquals(in.image().spacing(), out.image().spacing());
    }

    @Test
    void ctWindowRejectsANonPositiveWidth() {
        assertThrows(IllegalArgumentException.class, () -> NormalizeIntensity.ctWindow(40, 0));
        assertThrows(IllegalArgumentException.class, () -> NormalizeIntensity.ctWindow(Double.NaN, 400));
    }

    @Test
    void percentileDelegatesToThePercentileNormalizer() {
        float[] values = new float[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (i * i * 0.37 - 40);
        }
        LabeledImage in = sampleOf(values);

        LabeledImage out = NormalizeIntensity.percentile(2, 90).apply(in, new SplittableRandom(0));

        assertEquals(new PercentileNormalizer(2, 90).apply(in.image()), out.image());
        assertEquals(0f, out.image().get(0, 0, 0));
        assertEquals(1f, out.image().get(0, 0, 199));
        assertEquals(in.labels(), out.labels());
    }
}
