package org.onepro.train.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.Splits;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;

/**
 * The fixed validation cases of a run: for every task and every target label of its first template that holds
 * one, and for every prompt type, an Oracle prompt and a background control on that template, and up to
 * {@code maxQueries} val images holding the label. Prompts are simulated on the template at its own size, as
 * a user would draw them.
 */
public final class ValidationSet {

    private final List<TaskDataset> tasks;
    private final List<ValidationCase> cases;

    private ValidationSet(List<TaskDataset> tasks, List<ValidationCase> cases) {
        this.tasks = List.copyOf(tasks);
        this.cases = List.copyOf(cases);
    }

    /**
     * Builds the cases.
     *
     * @param tasks      the tasks to validate on
     * @param splits     their splits (templates from TEMPLATE, queries from VAL)
     * @param types      the prompt types to measure
     * @param maxQueries the largest number of queries per target
     * @param seed       the seed of the simulated prompts
     */
    public static ValidationSet create(List<TaskDataset> tasks, Splits splits, List<PromptType> types, int maxQueries,
            long seed) {
        return create(tasks, splits, Split.VAL, types, maxQueries, seed);
    }

    /**
     * The same cases with queries from another split: on {@link Split#TRAIN} they show where a model does not fit
     * even the images it was trained on, which is where more training episodes can help.
     *
     * @param querySplit the split the queries come from (templates always come from TEMPLATE)
     */
    public static ValidationSet create(List<TaskDataset> tasks, Splits splits, Split querySplit,
            List<PromptType> types, int maxQueries, long seed) {
        if (querySplit == Split.TEMPLATE) {
            throw new IllegalArgumentException("queries cannot come from the template split: the template would be"
                    + " measured on itself");
        }
        List<ValidationCase> cases = new ArrayList<>();
        for (TaskDataset task : tasks) {
            List<String> templates = splits.ids(task.name(), Split.TEMPLATE);
            List<LabeledImage> queries = new ArrayList<>();
            for (String id : splits.ids(task.name(), querySplit)) {
                queries.add(task.load(id));
            }
            if (templates.isEmpty() || queries.isEmpty()) {
                continue;
            }
            LabeledImage template = task.load(templates.get(0));
            for (int label : template.labels().labels()) {
                List<String> holders = new ArrayList<>();
                for (LabeledImage q : queries) {
                    if (holders.size() < maxQueries && q.labels().labels().contains(label)) {
                        holders.add(q.id());
                    }
                }
                if (holders.isEmpty()) {
                    continue;
                }
                Mask target = template.labels().mask(label);
                for (PromptType type : types) {
                    SplittableRandom rng = new SplittableRandom(seed ^ (31L * task.name().hashCode() + label) * 97
                            + type.ordinal());
                    cases.add(new ValidationCase(task.name(), label, type, template.id(),
                            PromptSimulator.simulate(type, target, Quality.ORACLE, rng),
                            PromptSimulator.simulate(type, target, Quality.WRONG, rng), holders));
                }
            }
        }
        return new ValidationSet(tasks, cases);
    }

    /** The cases, grouped by task in task order. */
    public List<ValidationCase> cases() {
        return cases;
    }

    /** The task of a case. */
    TaskDataset task(String name) {
        for (TaskDataset t : tasks) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no task " + name);
    }
}
