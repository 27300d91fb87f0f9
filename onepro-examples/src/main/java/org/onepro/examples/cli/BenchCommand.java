package org.onepro.examples.cli;

import org.onepro.core.image.Image;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Prompt;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code onepro bench}: latency of full and prepared-template segment calls, and peak RSS. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time segment calls on generated inputs; the last line is 'median ms: X'.")
public final class BenchCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    ModelSource source;

    @Option(names = "--batch", defaultValue = "1", description = "queries per call (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed calls first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--runs", defaultValue = "10", description = "timed calls (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the inputs and model (default ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || runs < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--batch and --runs must be at least 1, --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Segmenter segmenter = ModelSource.open(source, seed)) {
            int s = segmenter.config().inputSize();
            SplittableRandom rng = new SplittableRandom(seed);
            Image template = blobs(s, rng);
            List<Image> queries = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                queries.add(blobs(s, rng));
            }
            Prompt prompt = Click.foreground(s / 2.0, s / 2.0);
            out.printf("model %s (s=%d), batch %d, %d warm-up, %d runs%n", segmenter.config().preset(), s, batch, warmup,
                    runs);
            long t0 = System.nanoTime();
            segmenter.segment(queries, template, prompt);
            double cold = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < warmup; i++) {
                segmenter.segment(queries, template, prompt);
            }
            double[] full = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                segmenter.segment(queries, template, prompt);
                full[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] prepared = new double[runs];
            try (PreparedTemplate p = segmenter.prepare(template, prompt)) {
                for (int i = 0; i < warmup; i++) {
                    p.segment(queries);
                }
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    p.segment(queries);
                    prepared[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            out.printf("cold first segment call: %.1f ms%n", cold);
            out.printf("segment(query, template, prompt): %s%n", stats(full));
            out.printf("prepared.segment(query):          %s%n", stats(prepared));
            out.printf("peak RSS: %s%n", peakRss());
            out.printf("median ms: %.1f%n", median(full));
        }
        out.flush();
        return 0;
    }

    private static Image blobs(int s, SplittableRandom rng) {
        float[] v = new float[3 * s * s];
        double cx = s * (0.3 + 0.4 * rng.nextDouble());
        double cy = s * (0.3 + 0.4 * rng.nextDouble());
        double r = s * (0.1 + 0.1 * rng.nextDouble());
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double inside = Math.exp(-(Math.pow(x - cx, 2) + Math.pow(y - cy, 2)) / (2 * r * r));
                    v[(c * s + y) * s + x] = (float) Math.min(1, Math.max(0, 0.2 + 0.6 * inside + 0.05 * rng.nextGaussian()));
                }
            }
        }
        return Image.of(v, 3, s, s);
    }

    private static String stats(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("min %.1f / median %.1f / max %.1f ms", sorted[0], median(ms), sorted[sorted.length - 1]);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Peak resident set size of this process (Linux), or "n/a". */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.0f MB", kb / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "n/a";
        }
        return "n/a";
    }
}
