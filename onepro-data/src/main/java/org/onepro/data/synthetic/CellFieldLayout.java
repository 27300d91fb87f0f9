package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fields of small cells, like nuclei in a microscope image: 8 to 59 target cells (label 1) that barely touch, and
 * in most tasks a second population (label 2) that differs in size or look, so that a prompt on one kind of cell
 * must not bring the other.
 *
 * @param radius       the target cells' mean radius as a fraction of the side
 * @param minCount     the fewest target cells per image
 * @param maxCount     the most target cells per image
 * @param otherScale   the other cells' radius relative to the targets'
 * @param otherCount   the most other cells per image (0: a single population)
 * @param elongation   the largest elongation of a cell, in {@code [0, 0.4]}
 */
record CellFieldLayout(double radius, int minCount, int maxCount, double otherScale, int otherCount,
        double elongation) implements StructureLayout {

    /** Cells keep this share of their summed radii apart, so they touch but rarely merge. */
    private static final double SPACING = 0.9;
    private static final int PLACEMENT_ATTEMPTS = 40;

    static CellFieldLayout sample(SplittableRandom rng) {
        double radius = rng.nextDouble(0.015, 0.045);
        int min = rng.nextInt(8, 25);
        int max = min + rng.nextInt(0, 36);
        boolean bigger = rng.nextBoolean();
        double otherScale = bigger ? rng.nextDouble(1.6, 2.4) : rng.nextDouble(0.45, 0.65);
        int others = rng.nextDouble() < 0.7 ? rng.nextInt(4, 30) : 0;
        return new CellFieldLayout(radius, min, max, otherScale, others, rng.nextDouble(0, 0.4));
    }

    @Override
    public int maxLabel() {
        return otherCount > 0 ? 2 : 1;
    }

    @Override
    public int[] draw(int size, SplittableRandom rng) {
        LabelCanvas canvas = new LabelCanvas(size);
        List<double[]> placed = new ArrayList<>();
        int targets = rng.nextInt(minCount, maxCount + 1);
        int others = otherCount == 0 ? 0 : rng.nextInt(0, otherCount + 1);
        // The first cell is always a target and always placed, so label 1 is present however crowded the field gets.
        for (int i = 0; i < targets + others; i++) {
            boolean target = i < targets;
            double r = size * radius * (target ? 1 : otherScale) * rng.nextDouble(0.75, 1.25);
            double[] centre = freeSpot(size, r, placed, rng);
            if (centre == null) {
                continue;
            }
            placed.add(new double[] {centre[0], centre[1], r});
            canvas.lump(centre[0], centre[1], Math.max(r, 1.0), elongation * rng.nextDouble(),
                    rng.nextDouble(0, Math.PI), rng.nextDouble(0, 0.08), rng.nextDouble(0, 2 * Math.PI),
                    target ? 1 : 2);
        }
        return canvas.labels();
    }

    private static double[] freeSpot(int size, double r, List<double[]> placed, SplittableRandom rng) {
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            double x = rng.nextDouble(r, size - r);
            double y = rng.nextDouble(r, size - r);
            boolean free = true;
            for (double[] p : placed) {
                double gap = SPACING * (r + p[2]);
                if ((x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]) < gap * gap) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return new double[] {x, y};
            }
        }
        return placed.isEmpty() ? new double[] {size / 2.0, size / 2.0} : null;
    }
}
