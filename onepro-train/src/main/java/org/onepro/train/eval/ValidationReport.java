package org.onepro.train.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.Splits;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.checkpoint.CheckpointStore;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.config.TrainConfigJson;
import org.onepro.train.run.TrainingData;

/**
 * Measures a trained model on its run's validation images and prints a Markdown table (for the model card):
 * per task and prompt type, Dice with the real prompt, with the prompt moved onto the background (the negative
 * control) and of pasting the template's mask (the copy-template floor).
 * Usage: {@code ValidationReport RUN_DIR [MODEL_DIR] [MAX_QUERIES] [SPLIT] [MIRROR]}; the model defaults to
 * {@code RUN_DIR/best-model}, the queries to the {@code val} split ({@code train} measures how well the model fits
 * the images it was trained on, {@code test} gives the held-out numbers). {@code MIRROR} ({@code none},
 * {@code horizontal}, {@code vertical} or {@code both}) mirrors every template and query before measuring, with
 * prompts simulated on the mirrored templates: a model that follows its prompt scores about the same.
 */
public final class ValidationReport {

    private ValidationReport() {}

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        Path model = args.length > 1 ? Path.of(args[1]) : run.resolve("best-model");
        int maxQueries = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Split querySplit = args.length > 3 ? Split.fromKey(args[3]) : Split.VAL;
        MirroredTask.Mirror mirror = args.length > 4 ? MirroredTask.Mirror.fromName(args[4]) : MirroredTask.Mirror.NONE;
        TrainConfig config = TrainConfigJson.read(run.resolve("config.json"), List.of());
        Path checkpoint = new CheckpointStore(run.resolve("checkpoints"), 1).latest()
                .orElseThrow(() -> new IllegalArgumentException("no checkpoint under " + run));
        Splits splits = CheckpointStore.readSplits(checkpoint);
        try (Segmenter segmenter = Segmenter.load(model)) {
            TrainingData data = TrainingData.open(config, segmenter.config().inputSize(), splits);
            List<TaskDataset> tasks = data.validationTasks().stream()
                    .map(t -> (TaskDataset) new MirroredTask(t, mirror)).toList();
            ValidationSet set = ValidationSet.create(tasks, splits, querySplit, config.promptTypes(), maxQueries,
                    config.seed());
            print(Validator.run(segmenter, set), config.promptTypes(), System.out);
        }
    }

    /** Prints the table and the per-type means. */
    public static void print(ValidationResult result, List<PromptType> types, PrintStream out) {
        StringBuilder header = new StringBuilder("| task | n |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (PromptType t : types) {
            header.append(' ').append(t.name().toLowerCase(Locale.ROOT)).append(" (control) |");
            rule.append("---|");
        }
        header.append(" copy template |");
        rule.append("---|");
        out.println(header);
        out.println(rule);
        Map<String, List<ValidationResult.Row>> byTask = new TreeMap<>();
        for (ValidationResult.Row r : result.rows()) {
            byTask.computeIfAbsent(r.task() + (r.label() == 255 ? "" : "#" + r.label()), k -> new ArrayList<>())
                    .add(r);
        }
        for (Map.Entry<String, List<ValidationResult.Row>> e : byTask.entrySet()) {
            StringBuilder line = new StringBuilder("| " + e.getKey() + " | " + e.getValue().get(0).queries() + " |");
            for (PromptType t : types) {
                e.getValue().stream().filter(r -> r.type() == t).findFirst().ifPresentOrElse(
                        r -> line.append(String.format(Locale.ROOT, " %.3f (%.3f) |", r.dice(), r.controlDice())),
                        () -> line.append(" - |"));
            }
            line.append(String.format(Locale.ROOT, " %.3f |", e.getValue().get(0).copyDice()));
            out.println(line);
        }
        StringBuilder mean = new StringBuilder("| **mean over tasks** | |");
        for (PromptType t : types) {
            mean.append(String.format(Locale.ROOT, " **%.3f** (%.3f) |",
                    result.meanOverTasks(t, ValidationResult.Row::dice),
                    result.meanOverTasks(t, ValidationResult.Row::controlDice)));
        }
        mean.append(String.format(Locale.ROOT, " %.3f |", result.meanOverTasks(types.get(0),
                ValidationResult.Row::copyDice)));
        out.println(mean);
    }
}
