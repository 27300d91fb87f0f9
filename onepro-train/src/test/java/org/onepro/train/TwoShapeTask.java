package org.onepro.train;

import org.onepro.core.prompt.Click;

import java.util.SplittableRandom;

/**
 * A synthetic one-prompt task for tests: every image holds one disc and one square of the same
 * brightness on a noisy background; a click on the template picks one of the two kinds, and the
 * query's target is the shape of that kind.
 */
final class TwoShapeTask {

    /** One image with the masks of its disc and square. */
    record Scene(float[] image, float[] disc, float[] square, double[] discCentre, double[] squareCentre) {}

    /** One episode; in an interactive one the query is the template itself. */
    record Episode(Scene template, Click prompt, Scene query, float[] target, boolean interactive) {}

    private final int size;
    private final SplittableRandom rng;

    TwoShapeTask(int size, long seed) {
        this.size = size;
        this.rng = new SplittableRandom(seed);
    }

    Episode next(boolean interactive) {
        Scene template = scene();
        Scene query = interactive ? template : scene();
        boolean disc = rng.nextBoolean();
        double[] c = disc ? template.discCentre() : template.squareCentre();
        return new Episode(template, Click.foreground(c[0], c[1]), query, disc ? query.disc() : query.square(),
                interactive);
    }

    Scene scene() {
        int s = size;
        while (true) {
            double r = s * (0.12 + 0.06 * rng.nextDouble());
            double half = s * (0.10 + 0.06 * rng.nextDouble());
            double dx = r + 1 + rng.nextDouble() * (s - 2 * r - 2);
            double dy = r + 1 + rng.nextDouble() * (s - 2 * r - 2);
            double sx = half + 1 + rng.nextDouble() * (s - 2 * half - 2);
            double sy = half + 1 + rng.nextDouble() * (s - 2 * half - 2);
            if (Math.hypot(dx - sx, dy - sy) < r + half * 1.5 + 2) {
                continue;
            }
            float[] image = new float[s * s];
            float[] disc = new float[s * s];
            float[] square = new float[s * s];
            float brightness = (float) (0.6 + 0.3 * rng.nextDouble());
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    int i = y * s + x;
                    boolean inDisc = Math.hypot(x - dx, y - dy) <= r;
                    boolean inSquare = Math.abs(x - sx) <= half && Math.abs(y - sy) <= half;
                    disc[i] = inDisc ? 1f : 0f;
                    square[i] = inSquare ? 1f : 0f;
                    float base = inDisc || inSquare ? brightness : 0.2f;
                    image[i] = (float) Math.min(1, Math.max(0, base + 0.08 * rng.nextGaussian()));
                }
            }
            return new Scene(image, disc, square, new double[] {dx, dy}, new double[] {sx, sy});
        }
    }
}
