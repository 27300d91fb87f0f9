package org.onepro.train.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.result.SegmentationResult;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

/**
 * Runs a {@link ValidationSet} through the segmenter, exactly as a user's {@code segment} call would: original
 * images, prompts in their pixels, masks compared at the query's own size.
 */
public final class Validator {

    private Validator() {}

    /** Segments every case with its prompt and with its control. */
    public static ValidationResult run(Segmenter segmenter, ValidationSet set) {
        List<ValidationResult.Row> rows = new ArrayList<>();
        // Cases come grouped by task, one per prompt type on the same images: decode each image once per task.
        Map<String, LabeledImage> loaded = new HashMap<>();
        String currentTask = null;
        for (ValidationCase c : set.cases()) {
            TaskDataset task = set.task(c.task());
            if (!c.task().equals(currentTask)) {
                loaded.clear();
                currentTask = c.task();
            }
            LabeledImage template = loaded.computeIfAbsent(c.templateId(), task::load);
            List<Image> images = new ArrayList<>();
            List<Mask> truths = new ArrayList<>();
            for (String id : c.queryIds()) {
                LabeledImage q = loaded.computeIfAbsent(id, task::load);
                images.add(q.image());
                truths.add(q.labels().mask(c.label()));
            }
            double dice = meanDice(segmenter, template.image(), c, false, images, truths);
            double control = meanDice(segmenter, template.image(), c, true, images, truths);
            Mask templateMask = template.labels().mask(c.label());
            double copy = 0;
            for (Mask truth : truths) {
                copy += SegmentationMetrics.dice(templateMask.resizeNearest(truth.height(), truth.width()), truth);
            }
            rows.add(new ValidationResult.Row(c.task(), c.label(), c.type(), dice, control, copy / truths.size(),
                    truths.size()));
        }
        return new ValidationResult(rows);
    }

    private static double meanDice(Segmenter segmenter, Image template, ValidationCase c, boolean control,
            List<Image> queries, List<Mask> truths) {
        try (PreparedTemplate prepared = segmenter.prepare(template, control ? c.control() : c.prompt())) {
            List<SegmentationResult> results = prepared.segment(queries);
            double sum = 0;
            for (int i = 0; i < results.size(); i++) {
                sum += SegmentationMetrics.dice(results.get(i).mask(), truths.get(i));
            }
            return sum / results.size();
        }
    }
}
