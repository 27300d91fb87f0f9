package org.onepro.data.synthetic;

/**
 * One object of a synthetic scene.
 *
 * @param shape      its geometry
 * @param appearance how it is painted
 * @param target     whether it belongs to the task's target (label 1) or is a distractor
 * @param coverage   its rasterised coverage, {@code size * size} row-major values in {@code [0, 1]}
 */
record PlacedObject(Shape shape, Appearance appearance, boolean target, float[] coverage) {
}
