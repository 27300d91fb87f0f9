package org.onepro.app.eval;

import java.util.List;
import java.util.Objects;

/**
 * One row of an evaluation: how well one target (label) was segmented in one query image.
 *
 * @param task      the task (folder) name
 * @param label     the target's label value in the masks
 * @param query     the query's id (file base name)
 * @param templates the ids of the templates that prompted it
 * @param prompt    the prompt type ({@link EvalPrompt#label()})
 * @param quality   the simulated prompt quality in lower case, or {@code human} for scribbles
 * @param dice      Dice against the query's mask of that label
 * @param iou       intersection over union
 * @param hd95      95% Hausdorff distance in pixels, {@code NaN} when exactly one of the masks is empty
 */
public record QueryScore(String task, int label, String query, List<String> templates, String prompt,
        String quality, double dice, double iou, double hd95) {

    /**
     * Checks the parts.
     *
     * @param task      the task
     * @param label     the label
     * @param query     the query id
     * @param templates the template ids
     * @param prompt    the prompt type
     * @param quality   the quality
     * @param dice      Dice
     * @param iou       IoU
     * @param hd95      HD95
     */
    public QueryScore {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(query, "query");
        templates = List.copyOf(templates);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(quality, "quality");
    }

    /**
     * What pairs two evaluations' rows: the same target in the same query of the same task.
     *
     * @return the key
     */
    public Key key() {
        return new Key(task, label, query);
    }

    /**
     * The identity of a row across evaluations.
     *
     * @param task  the task
     * @param label the label
     * @param query the query id
     */
    public record Key(String task, int label, String query) {

        @Override
        public String toString() {
            return task + "/" + query + " label " + label;
        }
    }
}
