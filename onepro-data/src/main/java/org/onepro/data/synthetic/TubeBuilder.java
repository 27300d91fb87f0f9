package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Grows vessel-like tubes: a curve traced by a random walk with momentum in its turning rate, pulled gently back
 * to its initial heading so that it meanders instead of coiling, optionally with one thinner side branch.
 */
final class TubeBuilder {

    /** Thinnest and thickest tube, in pixels (full width). */
    static final double MIN_THICKNESS = 1.5;
    static final double MAX_THICKNESS = 4.0;

    // Turning is defined per step and the step count is fixed, so a tube's shape does not depend on its length.
    private static final int STEPS_PER_HALF = 40;
    private static final double MOMENTUM = 0.9;
    private static final double TURN_SIGMA = 0.02;
    private static final double PULL = 0.01;
    private static final double MAX_TURN = 0.8;
    private static final double BRANCH_PROBABILITY = 0.5;

    private TubeBuilder() {
    }

    /**
     * Grows one tube through a centre point.
     *
     * @param cx          the centre column
     * @param cy          the centre row
     * @param halfLength  the arc length of the main curve on each side of the centre, in pixels
     * @param orientation the main curve's heading at the centre, radians
     * @param rng         the source of the random walk, thickness and branch
     * @return the tube
     */
    static TubeShape build(double cx, double cy, double halfLength, double orientation, SplittableRandom rng) {
        double thickness = rng.nextDouble(MIN_THICKNESS, MAX_THICKNESS);
        List<double[]> forward = walk(cx, cy, orientation, halfLength, rng);
        List<double[]> backward = walk(cx, cy, orientation + Math.PI, halfLength, rng);
        List<double[]> main = new ArrayList<>(backward.size() + forward.size());
        for (int i = backward.size() - 1; i >= 1; i--) {
            main.add(backward.get(i));
        }
        main.addAll(forward);
        List<double[]> segments = new ArrayList<>();
        addSegments(main, thickness / 2, segments);
        if (rng.nextDouble() < BRANCH_PROBABILITY) {
            int k = rng.nextInt(main.size() / 4, 3 * main.size() / 4);
            double[] before = main.get(k - 1);
            double[] after = main.get(k + 1);
            double heading = StrictMath.atan2(after[1] - before[1], after[0] - before[0]);
            double side = rng.nextBoolean() ? 1 : -1;
            double branchHeading = heading + side * rng.nextDouble(0.5, 1.0);
            double branchLength = rng.nextDouble(0.25, 0.45) * 2 * halfLength;
            // Starting the branch at its parent's centreline and tracing only forward joins the two seamlessly.
            List<double[]> branch = walk(main.get(k)[0], main.get(k)[1], branchHeading, branchLength, rng);
            double branchThickness = Math.max(MIN_THICKNESS, 0.65 * thickness);
            addSegments(branch, branchThickness / 2, segments);
        }
        return new TubeShape(segments);
    }

    /** Traces {@code STEPS_PER_HALF} steps from a start point; returns the start and every step's end point. */
    private static List<double[]> walk(double x, double y, double base, double length, SplittableRandom rng) {
        double step = length / STEPS_PER_HALF;
        double heading = base;
        double rate = 0;
        List<double[]> points = new ArrayList<>(STEPS_PER_HALF + 1);
        points.add(new double[] {x, y});
        for (int i = 0; i < STEPS_PER_HALF; i++) {
            rate = MOMENTUM * rate + TURN_SIGMA * rng.nextGaussian() - PULL * (heading - base);
            heading = Math.max(base - MAX_TURN, Math.min(base + MAX_TURN, heading + rate));
            x += step * StrictMath.cos(heading);
            y += step * StrictMath.sin(heading);
            points.add(new double[] {x, y});
        }
        return points;
    }

    private static void addSegments(List<double[]> points, double halfWidth, List<double[]> segments) {
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            segments.add(new double[] {a[0], a[1], b[0], b[1], halfWidth});
        }
    }
}
