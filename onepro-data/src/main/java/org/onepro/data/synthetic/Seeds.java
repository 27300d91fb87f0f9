package org.onepro.data.synthetic;

/**
 * Derives reproducible, well-spread seeds from pairs of longs, so that a task or sample can build its own
 * {@link java.util.SplittableRandom} from its indices instead of drawing from shared state.
 */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * Mixes two values into one seed; nearby inputs ({@code (s, 0)}, {@code (s, 1)}, ...) give unrelated outputs.
     *
     * @param a the parent seed
     * @param b the child index
     * @return the child seed
     */
    static long mix(long a, long b) {
        // The finaliser is applied on both sides of the combination so that neither argument can cancel the other.
        return finalise(finalise(a) + GOLDEN_GAMMA * (b + 1));
    }

    /** SplitMix64's output function: a bijection that spreads every input bit over the whole word. */
    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
