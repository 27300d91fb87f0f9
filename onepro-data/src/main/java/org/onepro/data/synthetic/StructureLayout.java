package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * Draws the label maps of one structure task: a task fixes the layout's parameters (how many cells, how thick the
 * vessels, which layer is label 1), and every sample varies within them. Label 1 is always present; the other
 * labels are further structures of the same scene.
 */
interface StructureLayout {

    /**
     * Draws one sample's labels.
     *
     * @param size the image side
     * @param rng  the sample's generator
     * @return {@code size * size} row-major labels, 0 for background
     */
    int[] draw(int size, SplittableRandom rng);

    /**
     * The highest label a sample may hold, so the renderer can give each its own look.
     *
     * @return at least 1
     */
    int maxLabel();

    /**
     * Draws a task's layout parameters.
     *
     * @param family the structure family
     * @param rng    the task's generator
     * @return the layout
     */
    static StructureLayout sample(StructureFamily family, SplittableRandom rng) {
        return switch (family) {
            case CELL_FIELD -> CellFieldLayout.sample(rng);
            case VESSEL_TREE -> VesselTreeLayout.sample(rng);
            case LAYERED_BANDS -> BandLayout.sample(rng);
            case LESIONS -> LesionLayout.sample(rng);
        };
    }
}
