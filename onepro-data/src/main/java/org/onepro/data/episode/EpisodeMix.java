package org.onepro.data.episode;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Mixes two episode sources at a fixed ratio, e.g. real tasks with synthetic ones: episode {@code i} comes from
 * {@code second} with probability {@code secondShare}, decided by a generator seeded with {@code (seed, i)}, and
 * otherwise from {@code first}; both are asked for their own episode {@code i}, so each keeps its own stream.
 */
public final class EpisodeMix implements EpisodeSource {

    private final EpisodeSource first;
    private final EpisodeSource second;
    private final double secondShare;
    private final long seed;

    /**
     * @param first       the main source
     * @param second      the mixed-in source
     * @param secondShare probability of an episode from {@code second}, in [0, 1]
     * @param seed        the seed of the mixing decisions
     */
    public EpisodeMix(EpisodeSource first, EpisodeSource second, double secondShare, long seed) {
        if (!(secondShare >= 0 && secondShare <= 1)) {
            throw new IllegalArgumentException("the mixed-in share must lie in [0, 1], not " + secondShare);
        }
        this.first = Objects.requireNonNull(first, "first");
        this.second = Objects.requireNonNull(second, "second");
        this.secondShare = secondShare;
        this.seed = seed;
    }

    @Override
    public Episode episode(long index) {
        // A different stream constant from the sampler's, so the choice does not correlate with its draws.
        boolean fromSecond = new SplittableRandom(EpisodeSampler.mix(seed ^ 0x5DEECE66DL, index)).nextDouble()
                < secondShare;
        return fromSecond ? second.episode(index) : first.episode(index);
    }
}
