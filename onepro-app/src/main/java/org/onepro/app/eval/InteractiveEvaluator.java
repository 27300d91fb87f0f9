package org.onepro.app.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Prompt;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;

/**
 * The interactive protocol of {@code onepro evaluate --interactive}: every image of a task is prompted on itself
 * for every label it holds (the prompt simulated on its own mask of that label, seeded as the one-shot protocol
 * seeds a template's prompt, or its own scribbles) and segmented from that prompt alone; each result is scored
 * against the mask it was prompted from.
 */
public final class InteractiveEvaluator {

    private final InteractivePredictor predictor;
    private final Evaluator.Settings settings;
    private final Consumer<String> notes;
    private final TemplatePrompter prompter;

    /**
     * Sets up an interactive evaluation.
     *
     * @param predictor the model or floor
     * @param settings  what to evaluate; its template count is not used
     * @param notes     receives one line per skipped image or task, saying why
     */
    public InteractiveEvaluator(InteractivePredictor predictor, Evaluator.Settings settings,
            Consumer<String> notes) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.prompter = new TemplatePrompter(settings.prompt(), settings.quality(), settings.seed());
    }

    /**
     * Evaluates one task.
     *
     * @param task the task
     * @return one row per image and label it holds, images in name order; empty when nothing could be prompted
     */
    public List<QueryScore> evaluate(TaskDataset task) {
        List<String> ids = new ArrayList<>(task.ids());
        ids.sort(null);
        List<QueryScore> rows = new ArrayList<>();
        String prompt = settings.prompt().label();
        String quality = prompter.qualityLabel();
        int unprompted = 0;
        for (String id : ids) {
            LabeledImage sample = task.load(id);
            if (settings.prompt() == EvalPrompt.SCRIBBLE && sample.labels().labels().size() > 1) {
                notes.accept(task.name() + "/" + id + ": skipped, several labels but scribbles mark one target");
                continue;
            }
            for (int label : sample.labels().labels()) {
                Mask truth = sample.labels().mask(label);
                Optional<Prompt> p = prompter.prompt(sample, label, truth);
                if (p.isEmpty()) {
                    unprompted++;
                    continue;
                }
                Mask predicted = predictor.predict(sample.image(), p.get());
                rows.add(new QueryScore(task.name(), label, id, List.of(id), prompt, quality,
                        SegmentationMetrics.dice(predicted, truth), SegmentationMetrics.iou(predicted, truth),
                        HausdorffDistance.hd95(predicted, truth)));
            }
        }
        if (unprompted > 0) {
            notes.accept(task.name() + ": " + unprompted + " image(s) skipped, no scribble file with a foreground"
                    + " stroke (value 1) in scribbles/");
        }
        return rows;
    }
}
