package org.onepro.app.eval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints the per-task table of {@code onepro evaluate} and its last line, {@code mean dice: 0.XXXX over N tasks},
 * which scripts read. Numbers use a dot whatever the locale.
 */
public final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * Prints the table, one line per task.
     *
     * @param out   where to print
     * @param tasks the summaries
     */
    public static void print(PrintWriter out, List<TaskSummary> tasks) {
        int width = "task".length();
        for (TaskSummary t : tasks) {
            width = Math.max(width, t.task().length());
        }
        String row = "%-" + width + "s  %5s  %-17s  %-18s  %-6s  %s%n";
        out.printf(Locale.ROOT, row, "task", "n", "dice mean ± std", "95% CI (bootstrap)", "IoU", "HD95 px");
        for (TaskSummary t : tasks) {
            out.printf(Locale.ROOT, row, t.task(), t.n(),
                    String.format(Locale.ROOT, "%.4f ± %.4f", t.meanDice(), t.stdDice()),
                    String.format(Locale.ROOT, "[%.4f, %.4f]", t.ciLow(), t.ciHigh()),
                    String.format(Locale.ROOT, "%.4f", t.meanIou()),
                    Double.isNaN(t.meanHd95()) ? "-" : String.format(Locale.ROOT, "%.2f", t.meanHd95()));
        }
    }

    /**
     * The last line: the mean of the per-task mean Dice.
     *
     * @param tasks the summaries, at least one
     * @return {@code mean dice: 0.XXXX over N tasks}
     */
    public static String meanDiceLine(List<TaskSummary> tasks) {
        return String.format(Locale.ROOT, "mean dice: %.4f over %d tasks", TaskSummary.meanOfTasks(tasks),
                tasks.size());
    }
}
