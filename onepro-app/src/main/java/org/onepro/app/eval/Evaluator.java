package org.onepro.app.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.prompt.Quality;

/**
 * The evaluation protocol of {@code onepro evaluate}, one task at a time: {@link TemplateChoice} picks the
 * templates, every other image is a query; every label found on the templates is its own target, prompted on each
 * template that holds it (a template without the label cannot be prompted for it); every query is segmented for
 * every target and scored against its mask of that label, including queries that lack the label (an empty
 * prediction is then perfect, anything else a false positive).
 *
 * <p>Scribble prompts describe one target, so tasks whose templates hold several labels are skipped for them, as
 * are tasks whose templates have no scribbles; each skip is reported through the notes.
 */
public final class Evaluator {

    /**
     * What to evaluate.
     *
     * @param prompt    the prompt type
     * @param quality   the simulated quality; ignored for scribbles
     * @param templates templates per task, at least 1
     * @param seed      the seed of template choice and prompt simulation
     */
    public record Settings(EvalPrompt prompt, Quality quality, int templates, long seed) {

        /**
         * Checks the settings.
         *
         * @param prompt    the prompt type
         * @param quality   the quality
         * @param templates templates per task
         * @param seed      the seed
         */
        public Settings {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(quality, "quality");
            if (templates < 1) {
                throw new InvalidInputException("at least one template per task is needed, got " + templates);
            }
        }
    }

    private final Predictor predictor;
    private final Settings settings;
    private final Consumer<String> notes;
    private final TemplatePrompter prompter;

    /**
     * Sets up an evaluation.
     *
     * @param predictor the model or baseline
     * @param settings  what to evaluate
     * @param notes     receives one line per skipped task or target, saying why
     */
    public Evaluator(Predictor predictor, Settings settings, Consumer<String> notes) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.prompter = new TemplatePrompter(settings.prompt(), settings.quality(), settings.seed());
    }

    /**
     * Evaluates one task.
     *
     * @param task the task
     * @return one row per query and target, queries in name order and targets by label; empty when the task was
     *     skipped (a note says why)
     * @throws InvalidInputException if a file of the task cannot be read
     */
    public List<QueryScore> evaluate(TaskDataset task) {
        int k = settings.templates();
        if (task.ids().size() <= k) {
            notes.accept(task.name() + ": skipped, " + task.ids().size() + " image(s) are too few for " + k
                    + " template(s) and a query");
            return List.of();
        }
        TemplateChoice choice = TemplateChoice.choose(task.ids(), k, settings.seed(), task.name());
        List<LabeledImage> templates = new ArrayList<>();
        for (String id : choice.templates()) {
            templates.add(task.load(id));
        }
        SortedSet<Integer> labels = new TreeSet<>();
        for (LabeledImage t : templates) {
            labels.addAll(t.labels().labels());
        }
        if (labels.isEmpty()) {
            notes.accept(task.name() + ": skipped, no target on the template(s) " + choice.templates());
            return List.of();
        }
        if (settings.prompt() == EvalPrompt.SCRIBBLE && labels.size() > 1) {
            notes.accept(task.name() + ": skipped, its masks hold " + labels.size() + " labels " + labels
                    + " but scribbles mark one target");
            return List.of();
        }
        Map<Integer, Target> targets = new TreeMap<>();
        try {
            for (int label : labels) {
                Optional<Target> target = target(task.name(), templates, label);
                if (target.isEmpty()) {
                    return List.of();
                }
                targets.put(label, target.get());
            }
            return score(task, choice, targets);
        } finally {
            for (Target t : targets.values()) {
                t.predictor().close();
            }
        }
    }

    /** A target's prompted templates and predictor; empty (with a note) when scribbles are missing. */
    private Optional<Target> target(String task, List<LabeledImage> templates, int label) {
        List<PromptedTemplate> prompted = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (LabeledImage t : templates) {
            Mask mask = t.labels().mask(label);
            if (mask.isEmpty()) {
                continue;
            }
            Optional<Prompt> prompt = prompter.prompt(t, label, mask);
            if (prompt.isEmpty()) {
                notes.accept(task + ": skipped, template " + t.id() + " has no scribble file with a foreground"
                        + " stroke (value 1) in scribbles/");
                return Optional.empty();
            }
            prompted.add(new PromptedTemplate(t.image(), prompt.get()));
            masks.add(mask);
            ids.add(t.id());
        }
        return Optional.of(new Target(ids, predictor.target(prompted, masks)));
    }

    private List<QueryScore> score(TaskDataset task, TemplateChoice choice, Map<Integer, Target> targets) {
        List<QueryScore> rows = new ArrayList<>();
        String prompt = settings.prompt().label();
        String quality = prompter.qualityLabel();
        for (String id : choice.queries()) {
            LabeledImage query = task.load(id);
            for (Map.Entry<Integer, Target> e : targets.entrySet()) {
                Mask truth = query.labels().mask(e.getKey());
                Mask predicted = e.getValue().predictor().predict(query.image());
                rows.add(new QueryScore(task.name(), e.getKey(), id, e.getValue().templateIds(), prompt, quality,
                        SegmentationMetrics.dice(predicted, truth), SegmentationMetrics.iou(predicted, truth),
                        HausdorffDistance.hd95(predicted, truth)));
            }
        }
        return rows;
    }

    /** One target's templates (those holding its label) and its prepared predictor. */
    private record Target(List<String> templateIds, Predictor.Target predictor) {
    }
}
