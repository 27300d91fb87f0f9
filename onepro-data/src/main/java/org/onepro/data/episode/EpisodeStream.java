package org.onepro.data.episode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batches of episodes assembled ahead of time on background threads, so the trainer never waits on
 * decoding and augmentation. Batches come out in stream order; since each episode is computed from
 * its own index, the stream is identical for 1 or many workers.
 */
public final class EpisodeStream implements AutoCloseable {

    private final EpisodeSource sampler;
    private final int batchSize;
    private final int prefetch;
    private final ExecutorService workers;
    private final Deque<Future<Episode>> pending = new ArrayDeque<>();
    private long nextIndex;

    /**
     * @param sampler where episodes come from
     * @param batchSize episodes per batch
     * @param workers background threads (at least 1)
     * @param prefetchBatches how many batches to keep in flight
     * @param startIndex the first episode index (a resumed run continues its stream)
     */
    public EpisodeStream(EpisodeSource sampler, int batchSize, int workers, int prefetchBatches, long startIndex) {
        if (batchSize < 1 || workers < 1 || prefetchBatches < 1) {
            throw new IllegalArgumentException("batch size, workers and prefetch must be at least 1");
        }
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.prefetch = prefetchBatches * batchSize;
        this.nextIndex = startIndex;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "onepro-episodes");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    /** The next batch, in stream order; waits only if the workers are behind. */
    public List<Episode> next() {
        List<Episode> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            Future<Episode> f = pending.removeFirst();
            try {
                batch.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for episodes", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("episode production failed", cause);
            }
            fill();
        }
        return batch;
    }

    /** Index of the next episode that {@link #next} will hand out. */
    public long position() {
        return nextIndex - pending.size();
    }

    private void fill() {
        while (pending.size() < prefetch) {
            long index = nextIndex++;
            pending.addLast(workers.submit(() -> sampler.episode(index)));
        }
    }

    /** Stops the workers. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
