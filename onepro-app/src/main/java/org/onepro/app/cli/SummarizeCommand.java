package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.onepro.core.error.InvalidInputException;
import org.onepro.app.eval.QueryScore;
import org.onepro.app.eval.ScoreCsv;
import org.onepro.app.eval.TaskSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code onepro summarize}: several methods' {@code evaluate} CSVs side by side, one Markdown row per task; the rows
 * of a method's CSVs (its seeds) are pooled per task before the mean and its bootstrap interval are taken.
 */
@Command(name = "summarize",
        description = {"Put 'evaluate --out' CSVs side by side as a Markdown table: one row per task, one column per"
                + " METHOD=FILE[,FILE...] argument; a method's files (its seeds) are pooled per task. Each cell is"
                + " the mean Dice with its 95%% percentile-bootstrap interval over the pooled rows, resampling each"
                + " target of a query with all its seeds' rows (scored under two seeds, it counts once); the last"
                + " row is the mean of the task means, over the tasks each column holds (their count in brackets)."})
final class SummarizeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "METHOD=FILE[,FILE...]", description = "a column and its CSVs")
    List<String> columns;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "seeds the bootstrap (default ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Map<String, List<QueryScore>>> byMethod = new LinkedHashMap<>();
        TreeSet<String> tasks = new TreeSet<>();
        for (String column : columns) {
            int eq = column.indexOf('=');
            if (eq <= 0 || eq == column.length() - 1) {
                throw new InvalidInputException("a column is METHOD=FILE[,FILE...], not '" + column + "'");
            }
            Map<String, List<QueryScore>> rows = new LinkedHashMap<>();
            for (String file : column.substring(eq + 1).split(",")) {
                for (QueryScore q : ScoreCsv.read(Path.of(file))) {
                    rows.computeIfAbsent(q.task(), k -> new ArrayList<>()).add(q);
                    tasks.add(q.task());
                }
            }
            if (byMethod.put(column.substring(0, eq), rows) != null) {
                throw new InvalidInputException("the method '" + column.substring(0, eq) + "' is named twice");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("| task | " + String.join(" | ", byMethod.keySet()) + " |");
        out.println("|---" + "|---".repeat(byMethod.size()) + "|");
        Map<String, List<TaskSummary>> summaries = new LinkedHashMap<>();
        for (String task : tasks) {
            StringBuilder line = new StringBuilder("| " + task + " |");
            for (Map.Entry<String, Map<String, List<QueryScore>>> m : byMethod.entrySet()) {
                List<QueryScore> rows = m.getValue().get(task);
                if (rows == null) {
                    line.append(" - |");
                    continue;
                }
                TaskSummary s = TaskSummary.of(task, rows, seed);
                summaries.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(s);
                line.append(String.format(Locale.ROOT, " %.3f [%.3f, %.3f] |", s.meanDice(), s.ciLow(), s.ciHigh()));
            }
            out.println(line);
        }
        StringBuilder last = new StringBuilder("| mean of tasks |");
        for (String method : byMethod.keySet()) {
            List<TaskSummary> s = summaries.get(method);
            last.append(s == null ? " - |" : String.format(Locale.ROOT, " **%.4f** (%d) |",
                    TaskSummary.meanOfTasks(s), s.size()));
        }
        out.println(last);
        out.flush();
        return 0;
    }
}
