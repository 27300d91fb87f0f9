package org.onepro.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.prompt.Quality;
import org.onepro.examples.eval.CopyTemplateBaseline;
import org.onepro.examples.eval.EvalPrompt;
import org.onepro.examples.eval.Evaluator;
import org.onepro.examples.eval.ModelPredictor;
import org.onepro.examples.eval.QueryScore;
import org.onepro.examples.eval.ScoreCsv;
import org.onepro.examples.eval.SummaryTable;
import org.onepro.examples.eval.TaskSummary;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code onepro evaluate}: the fixed evaluation protocol ({@link Evaluator}) over a folder of tasks, a per-task
 * table, an optional CSV with one row per query and target, and as the last line
 * {@code mean dice: 0.XXXX over N tasks}.
 */
@Command(name = "evaluate", sortOptions = false,
        description = {"Evaluate on a folder of tasks (<task>/images, <task>/masks, optional <task>/scribbles).",
            "Per task: images sorted by file name, K templates chosen with the seed, every other image a query;"
                + " each label of the templates' masks is its own target; prompts simulated on the templates at"
                + " --quality (scribble: the task's own scribbles); each query segmented with the K templates"
                + " (ensembled when K > 1) and scored by Dice, IoU and 95%% Hausdorff distance in pixels.",
            "Prints a per-task table (n, mean ± std Dice, 95%% bootstrap interval of the mean) and, last,"
                + " 'mean dice: 0.XXXX over N tasks' (the mean of the task means).",
            "A query without a target's label still counts (an empty prediction scores Dice 1). HD95 is the 95th"
                + " percentile of the boundary-to-boundary distances of both directions, pooled; it is empty when"
                + " exactly one mask is empty and left out of the means.",
            "With K > 1, --baseline copy-template takes the majority of the K resized template masks.",
            "Tasks that cannot be evaluated (too few images; for scribble: no scribbles, or several labels) are"
                + " skipped with a message; if none is left the command fails."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "a folder of task folders")
    Path data;

    @ArgGroup(exclusive = true)
    TrainedModelSource source;

    @Option(names = "--prompt", required = true, paramLabel = "TYPE",
            description = "click, bbox, doodle, seglab or scribble")
    EvalPrompt prompt;

    @Option(names = "--quality", paramLabel = "Q",
            description = "oracle, high, medium, low or wrong (the negative control: the prompt on the background);"
                    + " default oracle; not for scribble")
    Quality quality;

    @Option(names = "--templates", paramLabel = "K", defaultValue = "1",
            description = "templates per task (default ${DEFAULT-VALUE})")
    int templates;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "chooses the templates and the simulated prompts; also a preset's weights (default"
                    + " ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "copy-template: no model, the template's mask resized onto the query (a floor)")
    String baseline;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "write one row per query and target: " + "task,label,query,templates,prompt,quality,dice,"
                    + "iou,hd95")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        PrintWriter console = spec.commandLine().getOut();
        List<TaskDataset> tasks = DatasetRoot.open(data);
        Evaluator.Settings settings = new Evaluator.Settings(prompt, quality == null ? Quality.ORACLE : quality,
                templates, seed);
        List<QueryScore> rows = new ArrayList<>();
        List<TaskSummary> summaries = new ArrayList<>();
        if (baseline != null) {
            console.printf("baseline copy-template; %d task(s) in %s%n", tasks.size(), data);
            run(new Evaluator(new CopyTemplateBaseline(), settings, console::println), tasks, rows, summaries,
                    console);
        } else {
            try (Segmenter segmenter = TrainedModelSource.open(source, seed)) {
                console.printf("model %s; %d task(s) in %s%n", TrainedModelSource.describe(source, seed),
                        tasks.size(), data);
                run(new Evaluator(new ModelPredictor(segmenter), settings, console::println), tasks, rows,
                        summaries, console);
            }
        }
        if (summaries.isEmpty()) {
            throw new InvalidInputException("no task in " + data + " could be evaluated (see the messages above)");
        }
        console.println();
        SummaryTable.print(console, summaries);
        if (csv != null) {
            ScoreCsv.write(rows, csv);
            console.printf("wrote %s (%d rows)%n", csv, rows.size());
        }
        console.println(SummaryTable.meanDiceLine(summaries));
        console.flush();
        return 0;
    }

    private void checkArguments() {
        if (templates < 1) {
            throw new ParameterException(spec.commandLine(), "--templates must be at least 1, got " + templates);
        }
        if (prompt == EvalPrompt.SCRIBBLE && quality != null) {
            throw new ParameterException(spec.commandLine(), "--quality applies to simulated prompts; scribble uses"
                    + " the task's own human scribbles");
        }
        if (baseline != null && !baseline.equals("copy-template")) {
            throw new ParameterException(spec.commandLine(), "unknown --baseline '" + baseline
                    + "'; the one baseline is copy-template");
        }
        if (baseline != null && source != null) {
            throw new ParameterException(spec.commandLine(), "--baseline copy-template uses no model; drop --model"
                    + " and --preset");
        }
    }

    private void run(Evaluator evaluator, List<TaskDataset> tasks, List<QueryScore> rows,
            List<TaskSummary> summaries, PrintWriter console) {
        String quality = prompt == EvalPrompt.SCRIBBLE ? "human scribbles" : evaluatorQuality();
        console.printf("prompt %s (%s), %d template(s) per task, seed %d%n", prompt.label(), quality, templates,
                seed);
        console.flush();
        for (TaskDataset task : tasks) {
            long t0 = System.nanoTime();
            List<QueryScore> taskRows = evaluator.evaluate(task);
            if (!taskRows.isEmpty()) {
                rows.addAll(taskRows);
                TaskSummary s = TaskSummary.of(task.name(), taskRows, seed);
                summaries.add(s);
                console.printf(Locale.ROOT, "%s: %d row(s), mean dice %.4f (%.1f s)%n", task.name(), taskRows.size(),
                        s.meanDice(), (System.nanoTime() - t0) / 1e9);
            }
            console.flush();
        }
    }

    private String evaluatorQuality() {
        return (quality == null ? Quality.ORACLE : quality).name().toLowerCase(Locale.ROOT);
    }
}
