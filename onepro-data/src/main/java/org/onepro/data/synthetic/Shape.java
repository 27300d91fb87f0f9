package org.onepro.data.synthetic;

/**
 * A closed region of the plane in pixel coordinates, where pixel {@code (x, y)} has its centre at
 * {@code (x, y)}. Shapes are immutable, so one instance may be tested from several threads.
 */
public interface Shape {

    /**
     * Tells whether a point lies inside the region.
     *
     * @param x the column coordinate
     * @param y the row coordinate
     * @return true inside (boundary points may go either way)
     */
    boolean contains(double x, double y);

    /**
     * Returns a box that holds the whole region; points outside it are never contained.
     *
     * @return the bounding box
     */
    Bounds bounds();

    /**
     * An axis-aligned box in pixel coordinates.
     *
     * @param minX the smallest column coordinate
     * @param minY the smallest row coordinate
     * @param maxX the largest column coordinate
     * @param maxY the largest row coordinate
     */
    record Bounds(double minX, double minY, double maxX, double maxY) {

        /**
         * A square box around a centre.
         *
         * @param cx     the centre column
         * @param cy     the centre row
         * @param radius half the side
         * @return the box
         */
        public static Bounds around(double cx, double cy, double radius) {
            return new Bounds(cx - radius, cy - radius, cx + radius, cy + radius);
        }
    }
}
