package org.onepro.core.transform;

import org.onepro.core.image.Image;

import java.util.Arrays;

/**
 * Maps an image's intensities to [0, 1] by clipping at its own low and high percentiles (all
 * channels together). Medical images arrive in arbitrary units (CT in Hounsfield units, MRI in
 * scanner units, 8- or 16-bit PNGs), so the model sees one range whatever the source; percentiles
 * rather than min/max keep a few hot pixels from compressing the rest.
 */
public final class PercentileNormalizer {

    /** Percentiles used by the segmenter and the training pipeline. */
    public static final PercentileNormalizer DEFAULT = new PercentileNormalizer(0.5, 99.5);

    /** Above this many values the percentiles are estimated from an evenly strided sample. */
    private static final int SAMPLE = 1 << 16;

    private final double low;
    private final double high;

    /** @param low lower percentile in [0, 100) @param high upper percentile in (low, 100] */
    public PercentileNormalizer(double low, double high) {
        if (!(low >= 0 && high <= 100 && low < high)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, got " + low + ", " + high);
        }
        this.low = low;
        this.high = high;
    }

    /** The normalised image; a constant image becomes all zeros. */
    public Image apply(Image image) {
        float[] data = image.data();
        int stride = Math.max(1, data.length / SAMPLE);
        float[] sample = new float[(data.length + stride - 1) / stride];
        for (int i = 0, j = 0; i < data.length; i += stride, j++) {
            sample[j] = data[i];
        }
        // Two selections instead of a sort: the same order statistics (in Arrays.sort's order) in linear time;
        // the sort was the largest Java-side cost of a segment call (benchmarks.md).
        float lo = select(sample, (int) Math.floor(low / 100 * (sample.length - 1)));
        float hi = select(sample, (int) Math.ceil(high / 100 * (sample.length - 1)));
        float range = hi - lo;
        for (int i = 0; i < data.length; i++) {
            data[i] = range > 1e-12f ? Math.min(1f, Math.max(0f, (data[i] - lo) / range)) : 0f;
        }
        Image out = Image.of(data, image.channels(), image.height(), image.width());
        return image.spacing().map(out::withSpacing).orElse(out);
    }

    /**
     * The value {@code Arrays.sort} would put at index {@code k} (Hoare's selection with a median-of-three pivot,
     * comparing as {@link Float#compare} does); reorders {@code a}.
     */
    static float select(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            float pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (Float.compare(a[i], pivot) < 0) {
                    i++;
                }
                while (Float.compare(a[j], pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float medianOfThree(float a, float b, float c) {
        if (Float.compare(a, b) > 0) {
            float t = a;
            a = b;
            b = t;
        }
        if (Float.compare(b, c) > 0) {
            b = c;
        }
        return Float.compare(a, b) > 0 ? a : b;
    }
}
