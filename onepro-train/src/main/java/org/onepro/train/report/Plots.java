package org.onepro.train.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * PNG charts of a training run, drawn from {@link StepLog} and {@link ValidationLog} rows with Java2D only (900 x 500
 * pixels, written atomically so an image viewer refreshing the file never shows half a chart).
 */
public final class Plots {

    private static final Color RAW_LOSS = new Color(200, 200, 200);
    private static final Color SMOOTH_LOSS = new Color(20, 50, 150);
    private static final Color CONTROL = new Color(90, 90, 90);

    private Plots() {
    }

    /**
     * Draws the training loss against the step: every step's loss as a thin light grey line and, on top, the mean
     * of the last 1% of steps (at least one) in dark blue, which is the trend a reader actually looks for.
     * Non-finite losses leave a gap.
     *
     * @param rows the step log, in any order
     * @param png  the image file to create or replace
     * @throws IllegalArgumentException     if {@code rows} is empty or holds no finite loss
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void lossCurve(List<StepRow> rows, Path png) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(png, "png");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot plot the loss curve: there are no step rows (is steps.csv "
                    + "empty?)");
        }
        List<StepRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(StepRow::step));
        int n = sorted.size();
        double[] steps = new double[n];
        double[] loss = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            steps[i] = sorted.get(i).step();
            loss[i] = sorted.get(i).loss();
            if (Double.isFinite(loss[i])) {
                lo = Math.min(lo, loss[i]);
                hi = Math.max(hi, loss[i]);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("cannot plot the loss curve: none of the " + n + " losses is finite");
        }
        int window = Math.max(1, (int) Math.round(n * 0.01));
        List<Chart.LegendEntry> legend = List.of(new Chart.LegendEntry("loss", RAW_LOSS, false),
                new Chart.LegendEntry("mean of " + window + (window == 1 ? " step" : " steps"), SMOOTH_LOSS, false));
        Chart chart = new Chart("Training loss", "step", "loss", Chart.Axis.covering(steps[0], steps[n - 1]),
                Chart.Axis.covering(lo, hi), legend);
        chart.line(steps, loss, RAW_LOSS, 1f, false);
        chart.line(steps, trailingMean(loss, window), SMOOTH_LOSS, 2f, false);
        chart.save(png);
    }

    /**
     * Draws validation Dice against the step: for each prompt type, one coloured line of the Dice averaged over
     * tasks, and one dashed grey line of the control Dice (prompt moved onto the background) averaged over tasks
     * and prompt types. A model that follows its prompts shows the coloured lines well above the dashed one. The
     * y axis is fixed to 0..1 so charts of different runs compare at a glance.
     *
     * @param rows the validation log, in any order
     * @param png  the image file to create or replace
     * @throws IllegalArgumentException     if {@code rows} is empty
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void validationCurves(List<ValidationRow> rows, Path png) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(png, "png");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot plot validation curves: there are no validation rows (is "
                    + "validation.csv empty?)");
        }
        // Prompt types keep the order the validator wrote them in, so colours stay stable between runs.
        Map<String, TreeMap<Long, Mean>> byPrompt = new LinkedHashMap<>();
        TreeMap<Long, Mean> control = new TreeMap<>();
        for (ValidationRow r : rows) {
            byPrompt.computeIfAbsent(r.prompt(), p -> new TreeMap<>()).computeIfAbsent(r.step(), s -> new Mean())
                    .add(r.dice());
            control.computeIfAbsent(r.step(), s -> new Mean()).add(r.controlDice());
        }
        List<Chart.LegendEntry> legend = new ArrayList<>();
        int colour = 0;
        for (String prompt : byPrompt.keySet()) {
            legend.add(new Chart.LegendEntry(prompt, Chart.PALETTE[colour++ % Chart.PALETTE.length], false));
        }
        legend.add(new Chart.LegendEntry("control", CONTROL, true));
        Chart chart = new Chart("Validation Dice (mean over tasks)", "step", "Dice",
                Chart.Axis.covering(control.firstKey(), control.lastKey()), Chart.Axis.fixed(0, 1), legend);
        drawSeries(chart, control, CONTROL, true);
        int i = 0;
        for (TreeMap<Long, Mean> series : byPrompt.values()) {
            drawSeries(chart, series, legend.get(i++).color(), false);
        }
        chart.save(png);
    }

    private static void drawSeries(Chart chart, TreeMap<Long, Mean> series, Color color, boolean dashed) {
        double[] xs = new double[series.size()];
        double[] ys = new double[series.size()];
        int i = 0;
        for (Map.Entry<Long, Mean> e : series.entrySet()) {
            xs[i] = e.getKey();
            ys[i++] = e.getValue().value();
        }
        chart.line(xs, ys, color, 2f, dashed);
        chart.markers(xs, ys, color, 6);
    }

    /** The mean of the finite values among the last {@code window} (fewer at the start), NaN if there are none. */
    static double[] trailingMean(double[] values, int window) {
        double[] mean = new double[values.length];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                count++;
            }
            int drop = i - window;
            if (drop >= 0 && Double.isFinite(values[drop])) {
                sum -= values[drop];
                count--;
            }
            mean[i] = count == 0 ? Double.NaN : sum / count;
        }
        return mean;
    }

    /** A running mean that ignores non-finite values, so one failed case does not blank a validation point. */
    private static final class Mean {
        private double sum;
        private int count;

        void add(double value) {
            if (Double.isFinite(value)) {
                sum += value;
                count++;
            }
        }

        double value() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
