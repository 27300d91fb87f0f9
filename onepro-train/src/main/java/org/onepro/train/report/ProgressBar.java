package org.onepro.train.report;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A one-line training status such as
 * {@code step 1200/20000 [#.........] loss 0.4312 lr 2.1e-04 8.3 ep/s ETA 1h02m}.
 *
 * <p>On a terminal ({@code interactive}) the line is redrawn in place with {@code '\r'}, at most every 200 ms so a
 * fast loop does not spend its time printing. Into a log file or pipe, where {@code '\r'} would pile up, it prints
 * a full line every hundredth of the run instead. The loss shown is an exponential moving average, because single
 * step losses are too noisy to read; the ETA comes from the mean time per step over the last 50 updates, so it
 * follows speed changes (validation pauses, a slower phase) without jumping at every step.
 */
public final class ProgressBar {

    private static final double LOSS_ALPHA = 0.05;
    private static final int SPEED_WINDOW = 50;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 10;

    private final PrintStream out;
    private final long totalSteps;
    private final boolean interactive;
    private final LongSupplier clock;
    private final long printEvery;
    // SPEED_WINDOW + 1 samples bound SPEED_WINDOW intervals between updates.
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    private double smoothedLoss = Double.NaN;
    private long lastStep = Long.MIN_VALUE;
    private String line;
    private boolean linePrinted;
    private int drawnLength;
    private long lastDrawNanos;

    /**
     * Creates a bar that reads time from {@link System#nanoTime()}.
     *
     * @param out         where to print, usually {@code System.out}
     * @param totalSteps  the step the run ends at
     * @param interactive {@code true} to redraw one line in place (a terminal), {@code false} to print full lines
     * @throws IllegalArgumentException if {@code totalSteps < 1}
     */
    public ProgressBar(PrintStream out, long totalSteps, boolean interactive) {
        this(out, totalSteps, interactive, System::nanoTime);
    }

    /**
     * Creates a bar with its own clock, so tests can control time.
     *
     * @param out         where to print
     * @param totalSteps  the step the run ends at
     * @param interactive {@code true} to redraw one line in place, {@code false} to print full lines
     * @param clock       monotonic time in nanoseconds
     * @throws IllegalArgumentException if {@code totalSteps < 1}
     */
    public ProgressBar(PrintStream out, long totalSteps, boolean interactive, LongSupplier clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, got " + totalSteps);
        }
        this.totalSteps = totalSteps;
        this.interactive = interactive;
        this.printEvery = Math.max(1, totalSteps / 100);
    }

    /**
     * Creates a bar that redraws in place when the program runs on a terminal and prints full lines otherwise.
     *
     * @param out        where to print, usually {@code System.out}
     * @param totalSteps the step the run ends at
     * @return the bar
     */
    public static ProgressBar forConsole(PrintStream out, long totalSteps) {
        return new ProgressBar(out, totalSteps, System.console() != null);
    }

    /**
     * Records a completed step and prints the status when it is due.
     *
     * @param step              the number of completed steps
     * @param loss              the step's loss
     * @param lr                the learning rate
     * @param episodesPerSecond the current throughput
     */
    public synchronized void update(long step, double loss, double lr, double episodesPerSecond) {
        long now = clock.getAsLong();
        // A non-finite average would stay NaN forever; restarting from the new value lets the bar recover.
        smoothedLoss = Double.isFinite(smoothedLoss) ? smoothedLoss + LOSS_ALPHA * (loss - smoothedLoss) : loss;
        samples.addLast(new long[] {step, now});
        while (samples.size() > SPEED_WINDOW + 1) {
            samples.removeFirst();
        }
        long previous = lastStep == Long.MIN_VALUE ? step - 1 : lastStep;
        lastStep = step;
        line = format(step, lr, episodesPerSecond);
        linePrinted = false;
        boolean last = step >= totalSteps;
        if (interactive) {
            if (last || drawnLength == 0 || now - lastDrawNanos >= REDRAW_NANOS) {
                redraw(now);
            }
        } else if (last || Math.floorDiv(step, printEvery) != Math.floorDiv(previous, printEvery)) {
            out.println(line);
            out.flush();
            linePrinted = true;
        }
    }

    /**
     * Prints a line of text (a validation result, a warning) without breaking the bar: on a terminal the bar is
     * cleared, the message printed, and the bar drawn again below it.
     *
     * @param text the message
     */
    public synchronized void message(String text) {
        if (interactive && drawnLength > 0) {
            out.print('\r' + " ".repeat(drawnLength) + '\r');
            out.println(text);
            drawnLength = 0;
            redraw(clock.getAsLong());
        } else {
            out.println(text);
            out.flush();
        }
    }

    /**
     * Ends the bar: shows the latest status if throttling held it back and moves to a new line, so whatever is
     * printed next starts on its own line.
     */
    public synchronized void finish() {
        if (line == null) {
            return;
        }
        if (interactive) {
            if (!linePrinted) {
                redraw(clock.getAsLong());
            }
            if (drawnLength > 0) {
                out.println();
            }
        } else if (!linePrinted) {
            out.println(line);
        }
        out.flush();
        linePrinted = true;
        drawnLength = 0;
    }

    /**
     * Formats a duration the way the bar shows it: {@code 45s}, {@code 12m05s}, {@code 3h07m}.
     *
     * @param seconds the duration; rounded to whole seconds, negative values count as 0
     * @return the text
     */
    public static String formatDuration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--";
        }
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    private void redraw(long now) {
        StringBuilder text = new StringBuilder("\r").append(line);
        // Spaces wipe the tail of a longer previous line, which '\r' alone would leave on screen.
        for (int i = line.length(); i < drawnLength; i++) {
            text.append(' ');
        }
        out.print(text);
        out.flush();
        drawnLength = Math.max(1, line.length());
        lastDrawNanos = now;
        linePrinted = true;
    }

    private String format(long step, double lr, double episodesPerSecond) {
        long filled = Math.max(0, Math.min(BAR_WIDTH, step * BAR_WIDTH / totalSteps));
        String bar = "#".repeat((int) filled) + ".".repeat(BAR_WIDTH - (int) filled);
        return String.format(Locale.ROOT, "step %d/%d [%s] loss %.4f lr %.1e %.1f ep/s ETA %s", step, totalSteps,
                bar, smoothedLoss, lr, episodesPerSecond, formatDuration(etaSeconds(step)));
    }

    private double etaSeconds(long step) {
        if (step >= totalSteps) {
            return 0;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long steps = last[0] - first[0];
        if (steps <= 0) {
            return Double.NaN;
        }
        double secondsPerStep = (last[1] - first[1]) / 1e9 / steps;
        return secondsPerStep * (totalSteps - step);
    }
}
