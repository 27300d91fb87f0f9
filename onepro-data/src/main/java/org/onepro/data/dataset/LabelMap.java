package org.onepro.data.dataset;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable integer label image, {@code height x width}, row-major: 0 is background and every
 * other value one target label (so one multi-label mask file gives several targets).
 */
public final class LabelMap {

    private final int[] labels;
    private final int height;
    private final int width;

    private LabelMap(int[] labels, int height, int width) {
        this.labels = labels;
        this.height = height;
        this.width = width;
    }

    /** A label map from a copy of row-major values; negative labels are rejected. */
    public static LabelMap of(int[] rowMajor, int height, int width) {
        if (height <= 0 || width <= 0 || rowMajor.length != height * width) {
            throw new InvalidInputException("label map of " + rowMajor.length + " values does not fit " + height
                    + "x" + width);
        }
        for (int i = 0; i < rowMajor.length; i++) {
            if (rowMajor[i] < 0) {
                throw new InvalidInputException("negative label " + rowMajor[i] + " at pixel (" + (i % width) + ", "
                        + (i / width) + ")");
            }
        }
        return new LabelMap(rowMajor.clone(), height, width);
    }

    /** A one-label map from a binary mask (foreground = label 1). */
    public static LabelMap fromMask(Mask mask) {
        int[] v = new int[mask.height() * mask.width()];
        boolean[] m = mask.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = m[i] ? 1 : 0;
        }
        return new LabelMap(v, mask.height(), mask.width());
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** The label at a pixel. */
    public int get(int y, int x) {
        return labels[y * width + x];
    }

    /** A copy of the row-major labels. */
    public int[] data() {
        return labels.clone();
    }

    /** The non-zero labels present, ascending. */
    public SortedSet<Integer> labels() {
        SortedSet<Integer> set = new TreeSet<>();
        for (int v : labels) {
            if (v != 0) {
                set.add(v);
            }
        }
        return set;
    }

    /** The binary mask of one label. */
    public Mask mask(int label) {
        return Mask.fromLabels(labels, height, width, label);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap other && other.height == height && other.width == width
                && Arrays.equals(other.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelMap[" + height + "x" + width + ", labels " + labels() + "]";
    }
}
