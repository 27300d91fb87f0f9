package org.onepro.app.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onepro.core.error.InvalidInputException;

/**
 * One task's line of the evaluation table: Dice over its rows (mean, sample standard deviation, 95%
 * percentile-bootstrap interval of the mean), mean IoU, and mean HD95 over the rows where it is defined. Rows of
 * the same target in the same query (one per seed, when seeds are pooled) are resampled together, so pooling seeds
 * does not narrow the interval as if they were further queries.
 *
 * @param task     the task
 * @param n        rows (queries x targets)
 * @param meanDice mean Dice
 * @param stdDice  sample standard deviation of Dice (0 for a single row)
 * @param ciLow    lower end of the bootstrap interval of the mean Dice
 * @param ciHigh   upper end
 * @param meanIou  mean IoU
 * @param meanHd95 mean HD95 in pixels over the rows that have one, {@code NaN} when none has
 */
public record TaskSummary(String task, int n, double meanDice, double stdDice, double ciLow, double ciHigh,
        double meanIou, double meanHd95) {

    /**
     * Summarises one task's rows.
     *
     * @param task the task
     * @param rows its rows, at least one
     * @param seed the user's seed; the bootstrap's own seed is derived from it and the task name
     * @return the summary
     * @throws InvalidInputException if there are no rows
     */
    public static TaskSummary of(String task, List<QueryScore> rows, long seed) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("task " + task + " has no rows to summarise");
        }
        int n = rows.size();
        double[] dice = new double[n];
        double iou = 0;
        double hd = 0;
        int hdCount = 0;
        for (int i = 0; i < n; i++) {
            QueryScore r = rows.get(i);
            dice[i] = r.dice();
            iou += r.iou();
            if (!Double.isNaN(r.hd95())) {
                hd += r.hd95();
                hdCount++;
            }
        }
        double mean = mean(dice);
        double ss = 0;
        for (double d : dice) {
            ss += (d - mean) * (d - mean);
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        double[] ci = Bootstrap.clusteredMeanInterval95(byTarget(rows), Bootstrap.RESAMPLES,
                Seeds.of(seed, "bootstrap", task));
        return new TaskSummary(task, n, mean, std, ci[0], ci[1], iou / n, hdCount == 0 ? Double.NaN : hd / hdCount);
    }

    /**
     * The mean of the tasks' mean Dice: every task weighs the same, however many queries it has.
     *
     * @param tasks the summaries, at least one
     * @return the mean of {@link #meanDice()}
     */
    public static double meanOfTasks(List<TaskSummary> tasks) {
        double sum = 0;
        for (TaskSummary t : tasks) {
            sum += t.meanDice();
        }
        return sum / tasks.size();
    }

    /** Each target's Dice values, one per seed the rows were pooled from, in the order first seen. */
    private static double[][] byTarget(List<QueryScore> rows) {
        Map<QueryScore.Key, List<Double>> groups = new LinkedHashMap<>();
        for (QueryScore r : rows) {
            groups.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.dice());
        }
        double[][] out = new double[groups.size()][];
        int c = 0;
        for (List<Double> g : groups.values()) {
            out[c++] = g.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
