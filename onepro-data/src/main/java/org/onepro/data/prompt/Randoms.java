package org.onepro.data.prompt;

import java.util.SplittableRandom;

/** The few random draws prompt simulation needs, all taken from the caller's generator so a seed fixes a prompt. */
final class Randoms {

    private Randoms() {
    }

    /**
     * A standard normal deviate by the Box–Muller transform (one of the pair; the other is dropped so every call
     * consumes exactly two uniforms).
     *
     * @param rng the generator
     * @return a draw from N(0, 1)
     */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * A uniform draw from {@code [lo, hi)}.
     *
     * @param rng the generator
     * @param lo  lower bound
     * @param hi  upper bound, not below {@code lo}
     * @return the draw ({@code lo} when the bounds are equal)
     */
    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /**
     * A fair coin.
     *
     * @param rng the generator
     * @return {@code true} with probability 0.5
     */
    static boolean coin(SplittableRandom rng) {
        return rng.nextDouble() < 0.5;
    }

    /**
     * One element chosen uniformly.
     *
     * @param rng     the generator
     * @param choices the values, at least one
     * @return one of them
     */
    static int pick(SplittableRandom rng, int[] choices) {
        return choices[rng.nextInt(choices.length)];
    }

    /**
     * A vector of uniform direction and uniform length in {@code [0, maxLength)}.
     *
     * @param rng       the generator
     * @param maxLength the largest length
     * @return {@code {dx, dy}}
     */
    static double[] shift(SplittableRandom rng, double maxLength) {
        double angle = uniform(rng, 0, 2 * Math.PI);
        double length = uniform(rng, 0, maxLength);
        return new double[] {length * Math.cos(angle), length * Math.sin(angle)};
    }
}
