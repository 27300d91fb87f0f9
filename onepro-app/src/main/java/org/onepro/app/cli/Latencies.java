package org.onepro.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Timing and memory figures of {@code onepro bench}, formatted locale-independently for scripts. */
final class Latencies {

    private Latencies() {}

    /** Milliseconds that {@code action} took. */
    static double timeMs(Runnable action) {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** {@code runs} timings of {@code action}, in milliseconds. */
    static double[] timeMs(Runnable action, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = timeMs(action);
        }
        return ms;
    }

    /** "min A / median B / max C ms". */
    static String summary(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "min %.1f / median %.1f / max %.1f ms", sorted[0], median(ms),
                sorted[sorted.length - 1]);
    }

    /** The median; the mean of the middle two for an even count. */
    static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Peak resident set size of this process in MB, or "n/a" off Linux. Native (libtorch) memory is
     * invisible to the JVM's own counters, so the kernel's high-water mark is the figure that counts.
     */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
        return "n/a";
    }
}
