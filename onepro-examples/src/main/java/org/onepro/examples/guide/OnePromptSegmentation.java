package org.onepro.examples.guide;

import org.onepro.data.dataset.DemoData;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.result.SegmentationResult;
import org.onepro.data.io.ImageFiles;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * One prompt, many images: clicks once on the target of a template image, then segments every other image of the
 * task with the bundled model and prints each Dice against the ground truth.
 *
 * <p>{@code scripts/example OnePromptSegmentation [TASK_DIR] [OUT_DIR]}; the task folder holds {@code images/}
 * and {@code masks/} (default {@code data/demo/nuclei_fluorescence}).
 */
public final class OnePromptSegmentation {

    private OnePromptSegmentation() {
    }

    /**
     * Runs the example.
     *
     * @param args optional task folder and output folder
     * @throws IOException if the model or an image cannot be read or a mask cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path task = args.length > 0 ? Path.of(args[0]) : DemoData.locate().resolve("nuclei_fluorescence");
        Path out = Path.of(args.length > 1 ? args[1] : "target/examples/one-prompt");
        List<Path> images = imagesOf(task);
        Path templateFile = images.get(0);
        Image template = Image.read(templateFile);
        // A user clicks on the target; here the oracle click stands in: the point deepest inside the template's mask.
        Mask templateMask = Mask.read(maskOf(templateFile));
        Click click = (Click) PromptSimulator.simulate(PromptType.CLICK, templateMask, Quality.ORACLE,
                new SplittableRandom(1));
        System.out.printf(Locale.ROOT, "template %s, prompt %s%n", templateFile.getFileName(), click);
        Files.createDirectories(out);
        try (Segmenter segmenter = Segmenter.pretrained();
                PreparedTemplate prepared = segmenter.prepare(template, click)) {
            // The template is encoded once; each query then costs one query encoding and one decode.
            for (Path query : images.subList(1, images.size())) {
                SegmentationResult result = prepared.segment(Image.read(query));
                double dice = SegmentationMetrics.dice(result.mask(), Mask.read(maskOf(query)));
                ImageFiles.writeMask(result.mask(), out.resolve(query.getFileName()));
                System.out.printf(Locale.ROOT, "%-28s dice %.3f%n", query.getFileName(), dice);
            }
        }
        System.out.println("masks written to " + out);
    }

    static List<Path> imagesOf(Path task) throws IOException {
        try (Stream<Path> files = Files.list(task.resolve("images"))) {
            List<Path> images = files.filter(ImageFiles::isImageFile).sorted().toList();
            if (images.size() < 2) {
                throw new IllegalArgumentException(task + "/images needs at least two images (a template and a"
                        + " query)");
            }
            return images;
        }
    }

    static Path maskOf(Path image) {
        return image.getParent().resolveSibling("masks").resolve(image.getFileName());
    }
}
