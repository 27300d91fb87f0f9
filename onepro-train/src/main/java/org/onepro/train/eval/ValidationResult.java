package org.onepro.train.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onepro.core.prompt.PromptType;

/**
 * Mean Dice of every validation case, with the negative control beside it.
 *
 * @param rows one row per case
 */
public record ValidationResult(List<Row> rows) {

    /**
     * One case's result.
     *
     * @param task        the task
     * @param label       the target label
     * @param type        the prompt type
     * @param dice        mean Dice over the case's queries with the real prompt
     * @param controlDice mean Dice with the prompt moved onto the background
     * @param copyDice    mean Dice of pasting the template's mask onto each query (the floor to beat)
     * @param queries     the number of queries
     */
    public record Row(String task, int label, PromptType type, double dice, double controlDice, double copyDice,
            int queries) {}

    /** The run's score: the mean over tasks of each task's mean Dice (all targets and prompt types). */
    public double score() {
        return perTask(Row::dice).values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Mean Dice per task of a column. */
    public Map<String, Double> perTask(java.util.function.ToDoubleFunction<Row> column) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Row r : rows) {
            double[] s = sums.computeIfAbsent(r.task(), k -> new double[2]);
            s[0] += column.applyAsDouble(r);
            s[1]++;
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((k, s) -> means.put(k, s[0] / s[1]));
        return means;
    }

    /** Mean over tasks of a column for one prompt type (each task weighs the same). */
    public double meanOverTasks(PromptType type, java.util.function.ToDoubleFunction<Row> column) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Row r : rows) {
            if (r.type() == type) {
                double[] s = sums.computeIfAbsent(r.task(), k -> new double[2]);
                s[0] += column.applyAsDouble(r);
                s[1]++;
            }
        }
        return sums.values().stream().mapToDouble(s -> s[0] / s[1]).average().orElse(Double.NaN);
    }
}
