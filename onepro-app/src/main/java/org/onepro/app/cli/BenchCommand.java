package org.onepro.app.cli;

import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code onepro bench}: latency of full {@code segment} calls and of prepared-template calls on
 * generated inputs, and peak RSS. The last line, {@code median ms: X}, is what scripts read.
 */
@Command(name = "bench", description = "Time segment calls on generated inputs; the last line is 'median ms: X'.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    DeviceOption device;

    @ArgGroup(exclusive = true)
    ModelSource source;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1", description = "queries per call (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "3", description = "untimed calls before timing (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "10", description = "timed calls (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the inputs and of a preset's weights (default ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || runs < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--batch and --runs must be at least 1, --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Segmenter segmenter = ModelSource.open(source, seed, device.device())) {
            int size = segmenter.config().inputSize();
            BenchInputs in = BenchInputs.generate(size, batch, seed);
            // B = 1 times the single-image API that interactive use calls; only B > 1 batches.
            Runnable full = batch == 1
                    ? () -> segmenter.segment(in.queries().get(0), in.template(), in.prompt())
                    : () -> segmenter.segment(in.queries(), in.template(), in.prompt());
            out.printf(Locale.ROOT, "model %s: input %d x %d, batch %d, %d warm-up + %d timed calls, %s libtorch threads%n",
                    ModelSource.describe(source, seed), size, size, batch, warmup, runs,
                    System.getProperty("ai.djl.pytorch.num_threads", "default"));
            out.flush();
            double cold = Latencies.timeMs(full);
            Latencies.timeMs(full, warmup);
            double[] fullMs = Latencies.timeMs(full, runs);
            String form = batch == 1 ? "(query, " : "(queries, ";
            out.printf(Locale.ROOT, "cold first segment call:            %.1f ms%n", cold);
            out.printf("segment%-28s %s%n", form + "template, prompt):", Latencies.summary(fullMs));
            printPrepared(out, segmenter, in, form);
            out.printf("peak RSS:                           %s%n", Latencies.peakRss());
            out.printf(Locale.ROOT, "median ms: %.1f%n", Latencies.median(fullMs));
        }
        out.flush();
        return 0;
    }

    /** The template encoded once, then only the query side per call: the cost of a repeated template. */
    private void printPrepared(PrintWriter out, Segmenter segmenter, BenchInputs in, String form) {
        long t0 = System.nanoTime();
        try (PreparedTemplate prepared = segmenter.prepare(in.template(), in.prompt())) {
            double prepareMs = (System.nanoTime() - t0) / 1e6;
            Runnable call = batch == 1 ? () -> prepared.segment(in.queries().get(0)) : () -> prepared.segment(in.queries());
            Latencies.timeMs(call, warmup);
            double[] ms = Latencies.timeMs(call, runs);
            out.printf(Locale.ROOT, "prepare(template, prompt) once:     %.1f ms%n", prepareMs);
            out.printf("prepared.segment%-19s %s%n", form.replace(", ", "):"), Latencies.summary(ms));
        }
    }
}
