package org.onepro.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;

class ToChannelsTest {

    private static LabeledImage sampleOf(Image image) {
        int[] labels = new int[image.height() * image.width()];
        labels[1] = 2;
        return LabeledImage.of("t", "s", image, LabelMap.of(labels, image.height(), image.width()));
    }

    @Test
    void greyIsRepeatedIntoEveryChannel() {
        float[] grey = {0.1f, 0.2f, 0.3f, 0.4f};
        LabeledImage in = sampleOf(Image.of(grey, 1, 2, 2));

        LabeledImage out = new ToChannels(3).apply(in, new SplittableRandom(0));

        assertEquals(3, out.image().channels());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(grey, out.image().channel(c));
        }
        assertEquals(in.labels(), out.labels());
    }

    @Test
    void rgbIsAveragedIntoOneChannel() {
        float[] rgb = {0.3f, 0.6f, 0f, 0f, 0.9f, 0.3f};
        LabeledImage in = sampleOf(Image.of(rgb, 3, 1, 2));

        LabeledImage out = new ToChannels(1).apply(in, new SplittableRandom(0));

        assertEquals(1, out.image().channels());
        assertArrayEquals(new float[] {0.4f, 0.3f}, out.image().data(), 1e-6f);
    }

    @Test
    void unsupportedConversionsAreRejected() {
        LabeledImage twoChannels = sampleOf(Image.of(new float[8], 2, 2, 2));

        assertThrows(InvalidInputException.class, () -> new ToChannels(1).apply(twoChannels, new SplittableRandom(0)));
        assertThrows(IllegalArgumentException.class, () -> new ToChannels(0));
    }
}
