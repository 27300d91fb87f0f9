package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.result.SegmentationResult;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.io.ImageFiles;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

/**
 * One task of {@code onepro demo}: the first image (by name) is the template, prompted once with an Oracle click
 * and once with an Oracle box (both deterministic, docs/prompts.md); every other image is segmented with each
 * prompt, scored by Dice, and drawn: prediction tinted orange, reference outlined green.
 */
final class DemoTask {

    /** The prompts every task is segmented with, in column order. */
    static final List<PromptType> PROMPTS = List.of(PromptType.CLICK, PromptType.BBOX);

    private DemoTask() {
    }

    /**
     * Runs one task, printing a line per query and writing overlays to {@code out/<task>/}.
     *
     * @return every Dice of the task (all queries, both prompts)
     */
    static List<Double> run(Segmenter segmenter, TaskDataset task, Path out, PrintWriter console) {
        List<String> ids = new ArrayList<>(task.ids());
        ids.sort(null);
        LabeledImage template = task.load(ids.get(0));
        Mask target = anyLabel(template);
        Path dir = out.resolve(task.name());
        List<Prompt> prompts = new ArrayList<>();
        Canvas drawn = Canvas.of(template.image()).outline(target, Canvas.TRUTH);
        for (PromptType type : PROMPTS) {
            // Oracle prompts draw no random numbers; the generator is only there because the API takes one.
            Prompt p = PromptSimulator.simulate(type, target, Quality.ORACLE, new SplittableRandom(0));
            prompts.add(p);
            drawn.prompt(p);
        }
        ImageFiles.writeImage(drawn.toImage(), dir.resolve("template_" + template.id() + ".png"));
        List<LabeledImage> queries = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        for (String id : ids.subList(1, ids.size())) {
            LabeledImage q = task.load(id);
            queries.add(q);
            images.add(q.image().withChannels(template.image().channels()));
        }
        List<List<SegmentationResult>> results = new ArrayList<>();
        for (Prompt p : prompts) {
            try (PreparedTemplate prepared = segmenter.prepare(template.image(), p)) {
                results.add(prepared.segment(images));
            }
        }
        console.printf("%s (template %s, %d queries)%n", task.name(), template.id(), queries.size());
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            LabeledImage q = queries.get(i);
            Mask truth = anyLabel(q);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", q.id()));
            for (int k = 0; k < prompts.size(); k++) {
                Mask predicted = results.get(k).get(i).mask();
                double dice = SegmentationMetrics.dice(predicted, truth);
                all.add(dice);
                String name = PROMPTS.get(k).name().toLowerCase(Locale.ROOT);
                line.append(String.format(Locale.ROOT, "  %s dice %.4f", name, dice));
                ImageFiles.writeImage(Canvas.of(q.image()).fill(predicted, Canvas.PREDICTION)
                        .outline(truth, Canvas.TRUTH).toImage(), dir.resolve(q.id() + "_" + name + ".png"));
            }
            console.println(line);
        }
        console.printf(Locale.ROOT, "  %-24s  mean dice %.4f%n", "task", mean(all));
        console.flush();
        return all;
    }

    static double mean(List<Double> values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.size();
    }

    /** The demo masks hold one target (255); any non-zero label counts, should a task hold several. */
    private static Mask anyLabel(LabeledImage sample) {
        int[] labels = sample.labels().data();
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            m[i] = labels[i] != 0;
        }
        return Mask.of(m, sample.labels().height(), sample.labels().width());
    }
}
