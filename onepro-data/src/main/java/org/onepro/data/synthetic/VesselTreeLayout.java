package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * Branching vessel trees, like retinal or angiographic vessels: one to three roots that enter from the border or
 * leave a disc, each branching up to {@code depth} times while thinning, 1.5 to 6 pixels thick at 128 pixels. In
 * some tasks a disc (label 2) sits under the roots and small spots (label 3) are scattered over the image.
 *
 * @param roots      trees per image
 * @param depth      branching generations after the root
 * @param halfWidth  the roots' half thickness as a fraction of the side
 * @param tortuosity the standard deviation of the heading's change per step, radians
 * @param disc       whether a disc marks where the roots start
 * @param spots      the most spots per image (0: none)
 */
record VesselTreeLayout(int roots, int depth, double halfWidth, double tortuosity, boolean disc, int spots)
        implements StructureLayout {

    // A disc this wide covers the four pixel centres around any point, so a painted line stays 4-connected.
    private static final double MIN_HALF_WIDTH = 0.75;
    private static final double STEP = 0.5;

    static VesselTreeLayout sample(SplittableRandom rng) {
        return new VesselTreeLayout(rng.nextInt(1, 4), rng.nextInt(2, 5), rng.nextDouble(0.008, 0.022),
                rng.nextDouble(0.03, 0.12), rng.nextBoolean(), rng.nextDouble() < 0.5 ? rng.nextInt(3, 13) : 0);
    }

    @Override
    public int maxLabel() {
        return spots > 0 ? 3 : disc ? 2 : 1;
    }

    @Override
    public int[] draw(int size, SplittableRandom rng) {
        LabelCanvas canvas = new LabelCanvas(size);
        double dx = rng.nextDouble(0.25, 0.75) * size;
        double dy = rng.nextDouble(0.25, 0.75) * size;
        double discRadius = rng.nextDouble(0.07, 0.11) * size;
        if (disc) {
            canvas.disc(dx, dy, discRadius, 2);
        }
        int spotCount = spots == 0 ? 0 : rng.nextInt(1, spots + 1);
        for (int i = 0; i < spotCount; i++) {
            canvas.lump(rng.nextDouble(0, size), rng.nextDouble(0, size), rng.nextDouble(0.008, 0.025) * size,
                    rng.nextDouble(0, 0.3), rng.nextDouble(0, Math.PI), 0.05, rng.nextDouble(0, 2 * Math.PI), 3);
        }
        double width = Math.max(MIN_HALF_WIDTH, halfWidth * size);
        for (int r = 0; r < roots; r++) {
            double x;
            double y;
            double heading;
            if (disc) {
                heading = rng.nextDouble(0, 2 * Math.PI);
                x = dx + 0.5 * discRadius * StrictMath.cos(heading);
                y = dy + 0.5 * discRadius * StrictMath.sin(heading);
            } else {
                // Enter from a random border point, heading roughly towards the middle.
                double along = rng.nextDouble(0, size);
                switch (rng.nextInt(4)) {
                    case 0 -> { x = along; y = 0; }
                    case 1 -> { x = along; y = size - 1; }
                    case 2 -> { x = 0; y = along; }
                    default -> { x = size - 1; y = along; }
                }
                heading = StrictMath.atan2(size / 2.0 - y, size / 2.0 - x) + rng.nextDouble(-0.5, 0.5);
            }
            grow(canvas, x, y, heading, rng.nextDouble(0.5, 0.9) * size, width, depth, rng);
        }
        if (canvas.count(1) == 0) {
            grow(canvas, size / 2.0, size / 2.0, rng.nextDouble(0, 2 * Math.PI), 0.4 * size, width, 0, rng);
        }
        return canvas.labels();
    }

    /** Walks one branch, painting discs along it, and spawns thinner children from points along the way. */
    private void grow(LabelCanvas canvas, double x, double y, double heading, double length, double width,
            int generations, SplittableRandom rng) {
        int steps = (int) Math.ceil(length / STEP);
        int children = generations > 0 ? rng.nextInt(1, 4) : 0;
        int[] at = new int[children];
        for (int c = 0; c < children; c++) {
            at[c] = rng.nextInt(steps / 5 + 1, Math.max(steps / 5 + 2, steps));
        }
        double base = heading;
        double rate = 0;
        for (int s = 0; s <= steps; s++) {
            if (!canvas.contains(x, y)) {
                return;
            }
            // Vessels taper a little along their length.
            double w = width * (1 - 0.3 * s / (double) Math.max(1, steps));
            canvas.disc(x, y, Math.max(MIN_HALF_WIDTH, w), 1);
            for (int c = 0; c < children; c++) {
                if (at[c] == s) {
                    double side = rng.nextBoolean() ? 1 : -1;
                    grow(canvas, x, y, heading + side * rng.nextDouble(0.35, 1.1),
                            length * rng.nextDouble(0.4, 0.7), Math.max(MIN_HALF_WIDTH, w * rng.nextDouble(0.55, 0.8)),
                            generations - 1, rng);
                }
            }
            rate = 0.85 * rate + tortuosity * rng.nextGaussian() - 0.02 * (heading - base);
            heading += rate;
            x += STEP * StrictMath.cos(heading);
            y += STEP * StrictMath.sin(heading);
        }
    }
}
