package org.onepro.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.transform.Letterbox;
import org.onepro.core.transform.PercentileNormalizer;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;

class PreprocessTest {

    /** Arbitrary-unit values with a few outliers, so the percentile clipping actually changes something. */
    private static Image rawImage(int channels, int height, int width) {
        SplittableRandom rng = new SplittableRandom(7);
        float[] data = new float[channels * height * width];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (-500 + 1500 * Math.sin(i * 0.013) + rng.nextDouble(50));
        }
        data[3] = 1e5f;
        data[11] = -1e5f;
        return Image.of(data, channels, height, width).withSpacing(new PixelSpacing(0.7, 1.3));
    }

    private static LabeledImage sample(Image image) {
        int[] labels = new int[image.height() * image.width()];
        for (int y = 10; y < 25; y++) {
            for (int x = 20; x < 40; x++) {
                labels[y * image.width() + x] = 2;
            }
        }
        return LabeledImage.of("task", "id", image, LabelMap.of(labels, image.height(), image.width()));
    }

    @Test
    void greyInputMatchesTheSegmentersInferenceEncoding() {
        Image raw = rawImage(1, 45, 70);

        LabeledImage out = Preprocess.forModel(64, 3).apply(sample(raw), new SplittableRandom(1));

        Image expected = Letterbox.forImage(45, 70, 64).apply(PercentileNormalizer.DEFAULT.apply(raw).withChannels(3));
        assertArrayEquals(expected.data(), out.image().data());
        assertEquals(expected, out.image());
    }

    @Test
    void rgbInputMatchesTheSegmentersInferenceEncoding() {
        Image raw = rawImage(3, 90, 50);

        LabeledImage out = Preprocess.forModel(32, 1).apply(sample(raw), new SplittableRandom(1));

        Image expected = Letterbox.forImage(90, 50, 32).apply(PercentileNormalizer.DEFAULT.apply(raw).withChannels(1));
        assertEquals(expected, out.image());
    }

    @Test
    void labelsAreLetterboxedWithTheImage() {
        LabeledImage in = sample(rawImage(1, 45, 70));

        LabeledImage out = Preprocess.forModel(64, 1).apply(in, new SplittableRandom(1));

        assertEquals(new ResizePad(64).apply(in, new SplittableRandom(1)).labels(), out.labels());
    }
}
