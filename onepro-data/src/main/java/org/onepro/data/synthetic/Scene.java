package org.onepro.data.synthetic;

import java.util.Arrays;
import java.util.List;

/**
 * The objects of one synthetic image in paint order (later ones cover earlier ones), and what the label map and
 * occlusion follow from that order.
 *
 * @param size    the image side
 * @param objects the objects, first painted first
 */
record Scene(int size, List<PlacedObject> objects) {

    /** Copies the list so the order cannot change under the caller. */
    Scene {
        objects = List.copyOf(objects);
    }

    /**
     * For every pixel, the index of the last-painted object that labels it (coverage at least
     * {@link ShapeRasterizer#LABEL_THRESHOLD}), or -1 where none does.
     *
     * @return {@code size * size} row-major indices
     */
    int[] topmost() {
        int[] owner = new int[size * size];
        Arrays.fill(owner, -1);
        for (int k = 0; k < objects.size(); k++) {
            float[] c = objects.get(k).coverage();
            for (int i = 0; i < owner.length; i++) {
                if (c[i] >= ShapeRasterizer.LABEL_THRESHOLD) {
                    owner[i] = k;
                }
            }
        }
        return owner;
    }

    /**
     * The label map: 1 where the topmost labelled object is a target, 0 elsewhere, so a distractor painted over a
     * target hides that part of it.
     *
     * @return {@code size * size} row-major labels
     */
    int[] labels() {
        int[] owner = topmost();
        int[] labels = new int[owner.length];
        for (int i = 0; i < owner.length; i++) {
            labels[i] = owner[i] >= 0 && objects.get(owner[i]).target() ? 1 : 0;
        }
        return labels;
    }

    /**
     * The label map with every object style labelled: {@link PlacedObject#label()} of the topmost labelled object,
     * 0 where none is. The same image then holds several targets, and only a prompt tells which one is meant.
     *
     * @return {@code size * size} row-major labels
     */
    int[] styleLabels() {
        int[] owner = topmost();
        int[] labels = new int[owner.length];
        for (int i = 0; i < owner.length; i++) {
            labels[i] = owner[i] >= 0 ? objects.get(owner[i]).label() : 0;
        }
        return labels;
    }
}
