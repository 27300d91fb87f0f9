package org.onepro.data.episode;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One draw from items with relative weights, with one uniform number per draw: the sampler's prompt qualities and
 * its weighted tasks draw the same way.
 *
 * @param <T> the kind of item
 */
final class WeightedDraw<T> {

    private final List<T> items;
    private final double[] weights;
    private final double total;

    /**
     * @param items   the items in draw order
     * @param weights their non-negative weights, with a positive sum
     */
    WeightedDraw(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per item and at least one item, not " + items.size()
                    + " items and " + weights.length + " weights");
        }
        this.items = List.copyOf(items);
        this.weights = weights.clone();
        this.total = Arrays.stream(this.weights).sum();
    }

    /** An item, each with probability proportional to its weight. */
    T draw(SplittableRandom rng) {
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
