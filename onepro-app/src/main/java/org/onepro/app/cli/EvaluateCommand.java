package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.dataset.TaskSelection;
import org.onepro.data.prompt.Quality;
import org.onepro.app.eval.AdaptedModelPredictor;
import org.onepro.app.eval.Baseline;
import org.onepro.app.eval.BoxFillBaseline;
import org.onepro.app.eval.EvalPrompt;
import org.onepro.app.eval.Evaluator;
import org.onepro.app.eval.InteractiveEvaluator;
import org.onepro.app.eval.InteractivePredictor;
import org.onepro.app.eval.ModelPredictor;
import org.onepro.app.eval.QueryScore;
import org.onepro.app.eval.ScoreCsv;
import org.onepro.app.eval.SummaryTable;
import org.onepro.app.eval.TaskSummary;
import org.onepro.model.segment.InteractiveSession;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.adapt.AdaptationSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
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
            "--interactive prompts every image on itself instead (each label it holds, prompt simulated on its own"
                + " mask) and scores the segmentation of that prompt alone.",
            "Floors (--baseline): copy-template (the template's mask resized onto the query), registration-affine"
                + " and registration (the template registered onto the query, affine or affine then demons, its"
                + " mask warped), pixel-classifier (a random forest fitted to the template's pixels), and with"
                + " --interactive --prompt bbox, box-fill (the ellipse inscribed in the box). With K > 1 the"
                + " registration floors take the majority of the warped masks, copy-template of the resized ones,"
                + " and the pixel classifier is fitted to all templates.",
            "Tasks that cannot be evaluated (too few images; for scribble: no scribbles, or several labels) are"
                + " skipped with a message; if none is left the command fails."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "a folder of task folders")
    Path data;

    @Mixin
    DeviceOption device;

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
            description = "no model: copy-template, registration-affine, registration, pixel-classifier, or"
                    + " box-fill (with --interactive --prompt bbox)")
    String baseline;

    @Option(names = "--interactive",
            description = "prompt every image on itself and segment it from that prompt (interactive use)")
    boolean interactive;

    @Option(names = "--adapt", paramLabel = "STEPS", defaultValue = "0",
            description = "fine-tune a copy of the model on each target's first template for STEPS optimiser steps"
                    + " before segmenting its queries (SegLab prompts only; about 40 s per template for 30 steps"
                    + " on two cores; default ${DEFAULT-VALUE}: off)")
    int adapt;

    @Option(names = "--fuse-classifier",
            description = "with --adapt: average the adapted model's probability with that of the pixel classifier"
                    + " fitted to the same template (the best one-shot path on held-out tasks; a few seconds more per"
                    + " template and 0.2-0.5 s per query)")
    boolean fuseClassifier;

    @Option(names = "--tasks", paramLabel = "LIST",
            description = "only these tasks of --data: comma-separated names, or @FILE with one name per line"
                    + " (a held-out fold, docs/evaluation.md)")
    String tasks;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "write one row per query and target: " + "task,label,query,templates,prompt,quality,dice,"
                    + "iou,hd95")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Baseline floor = checkArguments();
        PrintWriter console = spec.commandLine().getOut();
        List<TaskDataset> all = DatasetRoot.open(data);
        List<TaskDataset> chosen = tasks == null ? all : TaskSelection.select(all, TaskSelection.parse(tasks));
        Evaluator.Settings settings = new Evaluator.Settings(prompt, quality == null ? Quality.ORACLE : quality,
                templates, seed);
        List<QueryScore> rows = new ArrayList<>();
        List<TaskSummary> summaries = new ArrayList<>();
        String mode = interactive ? "interactive, "
                : adapt > 0 ? "adapted to each template for " + adapt + " steps"
                        + (fuseClassifier ? " and fused with the pixel classifier, " : ", ") : "";
        if (floor != null) {
            console.printf("baseline %s; %s%d task(s) in %s%n", floor.label(), mode, chosen.size(), data);
            Function<TaskDataset, List<QueryScore>> evaluator = interactive
                    ? new InteractiveEvaluator(new BoxFillBaseline(), settings, console::println)::evaluate
                    : new Evaluator(floor.predictor(seed), settings, console::println)::evaluate;
            run(evaluator, chosen, rows, summaries, console);
        } else {
            try (Segmenter segmenter = TrainedModelSource.open(source, seed, device.device())) {
                console.printf("model %s; %s%d task(s) in %s%n", TrainedModelSource.describe(source, seed), mode,
                        chosen.size(), data);
                Function<TaskDataset, List<QueryScore>> evaluator = interactive
                        ? new InteractiveEvaluator(interactivePredictor(segmenter), settings,
                                console::println)::evaluate
                        : new Evaluator(adapt > 0 ? new AdaptedModelPredictor(segmenter,
                                AdaptationSettings.defaults().withSteps(adapt).withSeed(seed), fuseClassifier,
                                console::println)
                                : new ModelPredictor(segmenter), settings, console::println)::evaluate;
                run(evaluator, chosen, rows, summaries, console);
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

    /** The model in interactive use: one session per prompted image, which is template and query at once. */
    private static InteractivePredictor interactivePredictor(Segmenter segmenter) {
        return (image, p) -> {
            try (InteractiveSession session = segmenter.interactive(image)) {
                return session.segment(p).mask();
            }
        };
    }

    /** Checks the options together; returns the chosen floor, or null for the model. */
    private Baseline checkArguments() {
        if (templates < 1) {
            throw new ParameterException(spec.commandLine(), "--templates must be at least 1, got " + templates);
        }
        if (prompt == EvalPrompt.SCRIBBLE && quality != null) {
            throw new ParameterException(spec.commandLine(), "--quality applies to simulated prompts; scribble uses"
                    + " the task's own human scribbles");
        }
        if (adapt < 0) {
            throw new ParameterException(spec.commandLine(), "--adapt must be 0 (off) or a number of steps, got "
                    + adapt);
        }
        if (fuseClassifier && adapt == 0) {
            throw new ParameterException(spec.commandLine(), "--fuse-classifier fuses the adapted model with the"
                    + " classifier: add --adapt STEPS (30 is the measured setting)");
        }
        if (adapt > 0 && templates > 1) {
            throw new ParameterException(spec.commandLine(), "--adapt fits one model to one template; use"
                    + " --templates 1, not " + templates);
        }
        if (adapt > 0 && (prompt != EvalPrompt.SEGLAB || interactive || baseline != null)) {
            throw new ParameterException(spec.commandLine(), "--adapt learns from the template's mask: it needs"
                    + " --prompt seglab and the model, without --interactive or --baseline");
        }
        if (baseline == null) {
            return null;
        }
        Baseline floor;
        try {
            floor = Baseline.parse(baseline);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (source != null) {
            throw new ParameterException(spec.commandLine(), "--baseline " + floor.label() + " uses no model; drop"
                    + " --model and --preset");
        }
        if (floor.interactive() != interactive) {
            throw new ParameterException(spec.commandLine(), floor.interactive()
                    ? "--baseline " + floor.label() + " is an interactive floor: add --interactive"
                    : "--baseline " + floor.label() + " segments queries from templates; with --interactive the"
                            + " floor is box-fill");
        }
        if (floor == Baseline.BOX_FILL && prompt != EvalPrompt.BBOX) {
            throw new ParameterException(spec.commandLine(), "--baseline box-fill fills a box: use --prompt bbox");
        }
        return floor;
    }

    private void run(Function<TaskDataset, List<QueryScore>> evaluator, List<TaskDataset> tasks, List<QueryScore> rows,
            List<TaskSummary> summaries, PrintWriter console) {
        String quality = prompt == EvalPrompt.SCRIBBLE ? "human scribbles" : evaluatorQuality();
        if (interactive) {
            console.printf("prompt %s (%s) on each image itself, seed %d%n", prompt.label(), quality, seed);
        } else {
            console.printf("prompt %s (%s), %d template(s) per task, seed %d%n", prompt.label(), quality,
                    templates, seed);
        }
        console.flush();
        for (TaskDataset task : tasks) {
            long t0 = System.nanoTime();
            List<QueryScore> taskRows = evaluator.apply(task);
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
