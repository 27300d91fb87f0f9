package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onepro.data.dataset.DemoData;
import org.onepro.data.dataset.ImageFolderTask;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code onepro demo}: the README's main job. With the bundled model and the bundled demo tasks, one template per
 * task is prompted (Oracle click, Oracle box) and the task's other images are segmented; Dice per image and per
 * task, overlays on disk, and last {@code mean dice: 0.XXXX over 3 tasks} (the mean over tasks of each task's mean
 * over its images and both prompts). Needs no network.
 */
@Command(name = "demo",
        description = {"One-prompt segmentation of the bundled demo tasks with the bundled model: the first"
                + " image of each task is the template, prompted with an Oracle click and, separately, an Oracle"
                + " box; every other image is segmented and scored by Dice.",
            "Writes into OUT/<task>/:",
            "  template_<id>.png   the template, its target (green) and the prompts",
            "  <id>_click.png      a query segmented from the click: prediction orange,",
            "                      reference green",
            "  <id>_bbox.png       the same from the box",
            "The last line is 'mean dice: 0.XXXX over 3 tasks' (mean over tasks of each task's mean over its"
                + " images and both prompts)."})
final class DemoCommand implements Callable<Integer> {

    /** The bundled demo tasks, in the order they are shown. */
    static final List<String> TASKS =
            List.of("nuclei_fluorescence", "ultrasound_peripheral_nerve", "ct_abdomen_spleen");

    @Mixin
    TrainedModelOptions model;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
            description = "output folder for the overlays (default ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Path root = DemoData.locate();
        PrintWriter console = spec.commandLine().getOut();
        double sum = 0;
        try (Segmenter segmenter = model.open()) {
            console.printf("model %s; demo data %s%n", model.describe(), root);
            console.flush();
            for (String name : TASKS) {
                sum += DemoTask.mean(DemoTask.run(segmenter, ImageFolderTask.open(root.resolve(name)), out, console));
            }
        }
        console.printf(Locale.ROOT, "overlays in %s; %.1f s%n", out, (System.nanoTime() - t0) / 1e9);
        console.printf(Locale.ROOT, "mean dice: %.4f over %d tasks%n", sum / TASKS.size(), TASKS.size());
        console.flush();
        return 0;
    }
}
