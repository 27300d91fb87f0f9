package org.onepro.examples.guide;

import org.onepro.data.dataset.DemoData;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.result.EnsembleResult;
import org.onepro.core.result.SegmentationResult;
import org.onepro.data.io.ImageFiles;
import org.onepro.model.segment.Segmenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template ensemble with its uncertainty (paper §4: many prompted templates per query): segments the last image
 * of a task with each of the first {@code K} images as a SegLab-prompted template, reports the Dice of every
 * single template and of the ensemble, and writes the ensemble's mask and per-pixel variance map.
 *
 * <p>{@code scripts/example TemplateEnsemble [TASK_DIR] [K] [OUT_DIR]} (defaults
 * {@code data/demo/ultrasound_peripheral_nerve}, 4, {@code target/examples/ensemble}).
 */
public final class TemplateEnsemble {

    private TemplateEnsemble() {
    }

    /**
     * Runs the example.
     *
     * @param args optional task folder, template count and output folder
     * @throws IOException if the model or an image cannot be read or an output cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path task = args.length > 0 ? Path.of(args[0]) : DemoData.locate().resolve("ultrasound_peripheral_nerve");
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path out = Path.of(args.length > 2 ? args[2] : "target/examples/ensemble");
        List<Path> images = OnePromptSegmentation.imagesOf(task);
        if (k < 1 || k >= images.size()) {
            throw new IllegalArgumentException("K must lie in [1, " + (images.size() - 1) + "] for " + task);
        }
        Path queryFile = images.get(images.size() - 1);
        Image query = Image.read(queryFile);
        Mask truth = Mask.read(OnePromptSegmentation.maskOf(queryFile));
        List<PromptedTemplate> templates = new ArrayList<>();
        for (Path t : images.subList(0, k)) {
            templates.add(PromptedTemplate.of(Image.read(t), SegLab.of(Mask.read(OnePromptSegmentation.maskOf(t)))));
        }
        Files.createDirectories(out);
        try (Segmenter segmenter = Segmenter.pretrained()) {
            for (int i = 0; i < k; i++) {
                SegmentationResult single = segmenter.segment(query, templates.get(i).template(),
                        templates.get(i).prompt());
                System.out.printf(Locale.ROOT, "template %-22s dice %.3f%n", images.get(i).getFileName(),
                        SegmentationMetrics.dice(single.mask(), truth));
            }
            // The query is encoded once and the templates run as batches.
            EnsembleResult ensemble = segmenter.segment(query, templates);
            System.out.printf(Locale.ROOT, "ensemble of %d           dice %.3f, mean variance %.4f%n",
                    ensemble.templates(), SegmentationMetrics.dice(ensemble.mask(), truth),
                    mean(ensemble.variance()));
            ImageFiles.writeMask(ensemble.mask(), out.resolve("mask.png"));
            ImageFiles.writeImage(asImage(ensemble.variance()), out.resolve("variance.png"));
        }
        System.out.println("mask.png and variance.png written to " + out);
    }

    private static double mean(ProbabilityMap map) {
        double sum = 0;
        for (float v : map.data()) {
            sum += v;
        }
        return sum / map.data().length;
    }

    /** The variance map stretched to [0, 1] (a Bernoulli variance is at most 0.25) as a grey image. */
    private static Image asImage(ProbabilityMap variance) {
        float[] v = variance.data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(1f, v[i] * 4f);
        }
        return Image.of(v, 1, variance.height(), variance.width());
    }
}
