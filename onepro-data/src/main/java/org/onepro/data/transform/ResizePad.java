package org.onepro.data.transform;

import java.util.Objects;
import java.util.SplittableRandom;
import org.onepro.core.transform.Letterbox;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;

/**
 * Letterboxes a sample onto a {@code size x size} canvas: the image is resized bilinearly by
 * {@link Letterbox#apply(org.onepro.core.image.Image)}, labels and scribbles by nearest neighbour, all three
 * placed top-left and padded (zero intensity, label 0, no scribble). Deterministic; {@code rng} is ignored.
 *
 * <p>Labels use exactly the nearest-neighbour rule of {@link Letterbox#apply(org.onepro.core.mask.Mask)}, so
 * the mask of any one label comes out as if it had been letterboxed on its own, and a prediction on the canvas
 * maps back with {@link #geometryOf}.
 */
public final class ResizePad implements Transform {

    private final int size;

    /**
     * Creates the transform.
     *
     * @param size side of the square canvas, positive
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public ResizePad(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("canvas size must be positive, got " + size);
        }
        this.size = size;
    }

    /**
     * Returns the letterbox this transform applies to a sample, for mapping predictions and points back to the
     * sample's original pixels.
     *
     * @param sample a sample before resizing
     * @param size   the canvas side
     * @return the letterbox for the sample's image size
     */
    public static Letterbox geometryOf(LabeledImage sample, int size) {
        Objects.requireNonNull(sample, "sample");
        return Letterbox.forImage(sample.image().height(), sample.image().width(), size);
    }

    /**
     * Returns the side of the square canvas.
     *
     * @return the canvas size in pixels
     */
    public int size() {
        return size;
    }

    /**
     * Letterboxes image, labels and scribbles.
     *
     * @param sample the sample
     * @param rng    ignored
     * @return the {@code size x size} sample with the same task and id
     */
    @Override
    public LabeledImage apply(LabeledImage sample, SplittableRandom rng) {
        Objects.requireNonNull(sample, "sample");
        Letterbox box = geometryOf(sample, size);
        return new LabeledImage(sample.task(), sample.id(), box.apply(sample.image()),
                resizeLabels(sample.labels(), box), sample.scribbles().map(s -> resizeLabels(s, box)));
    }

    @Override
    public String toString() {
        return "ResizePad[" + size + "]";
    }

    private static LabelMap resizeLabels(LabelMap labels, Letterbox box) {
        int h = box.resizedHeight();
        int w = box.resizedWidth();
        int[] src = labels.data();
        int[] srcX = new int[w];
        for (int x = 0; x < w; x++) {
            srcX[x] = nearest(x, labels.width(), w);
        }
        int[] out = new int[box.size() * box.size()];
        for (int y = 0; y < h; y++) {
            int row = nearest(y, labels.height(), h) * labels.width();
            for (int x = 0; x < w; x++) {
                out[y * box.size() + x] = src[row + srcX[x]];
            }
        }
        return LabelMap.of(out, box.size(), box.size());
    }

    /** The same expression as {@code Mask.resizeNearest}, evaluated in the same order so the results match bit for bit. */
    private static int nearest(int d, int source, int target) {
        return Math.min(source - 1, (int) Math.floor((d + 0.5) * source / target));
    }
}
