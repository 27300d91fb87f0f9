package org.onepro.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.SegLab;
import org.onepro.data.dataset.DemoData;
import org.onepro.model.segment.Segmenter;

/**
 * Throughput of one shared {@link Segmenter} under concurrent callers against the same calls made one after
 * another, on the demo CT slices: {@code ConcurrencyBench [calls=80] [threads=8]}. Prints calls per second for
 * each and their ratio; a server that gives each request a thread needs the concurrent total to be no slower.
 */
public final class ConcurrencyBench {

    private ConcurrencyBench() {
    }

    /**
     * Entry point.
     *
     * @param args optional number of calls and of threads
     * @throws Exception if the model or the demo images cannot be read, or a call fails
     */
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path task = DemoData.locate().resolve("ct_abdomen_spleen");
        List<Path> files = images(task);
        Image template = Image.read(files.get(1));
        SegLab prompt = SegLab.of(Mask.read(task.resolve("masks").resolve(files.get(1).getFileName())));
        Image query = Image.read(files.get(0));
        try (Segmenter segmenter = Segmenter.pretrained()) {
            for (int i = 0; i < 5; i++) {
                segmenter.segment(query, template, prompt);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                segmenter.segment(query, template, prompt);
            }
            double sequential = calls / ((System.nanoTime() - t0) / 1e9);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                long t1 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    done.add(pool.submit(() -> segmenter.segment(query, template, prompt)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                double concurrent = calls / ((System.nanoTime() - t1) / 1e9);
                System.out.printf(Locale.ROOT, "%d segment calls: one after another %.1f calls/s, on %d threads %.1f"
                        + " calls/s (%.2fx)%n", calls, sequential, threads, concurrent, concurrent / sequential);
            } finally {
                pool.shutdown();
            }
        }
    }

    private static List<Path> images(Path task) throws IOException {
        try (Stream<Path> s = Files.list(task.resolve("images"))) {
            return s.sorted().toList();
        }
    }
}
