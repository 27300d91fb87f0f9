package org.onepro.data.episode;

/**
 * An indexed stream of training episodes: episode {@code i} depends only on the source's seed and {@code i},
 * so a stream can be produced by any number of threads and resumed at any index.
 */
@FunctionalInterface
public interface EpisodeSource {

    /** Episode number {@code index} of this source's stream. */
    Episode episode(long index);
}
