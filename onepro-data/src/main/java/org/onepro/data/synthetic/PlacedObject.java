package org.onepro.data.synthetic;

/**
 * One object of a synthetic scene.
 *
 * @param shape      its geometry
 * @param appearance how it is painted
 * @param label      1 for the task's target, {@code 2 + k} for an object of the task's distractor style {@code k}
 * @param coverage   its rasterised coverage, {@code size * size} row-major values in {@code [0, 1]}
 */
record PlacedObject(Shape shape, Appearance appearance, int label, float[] coverage) {

    /** The label of the task's target objects. */
    static final int TARGET = 1;

    /** Whether it belongs to the task's target. */
    boolean target() {
        return label == TARGET;
    }
}
