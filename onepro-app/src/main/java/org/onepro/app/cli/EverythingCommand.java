package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onepro.core.image.Image;
import org.onepro.data.io.ImageFiles;
import org.onepro.model.everything.ScoredMask;
import org.onepro.model.everything.SegmentEverything;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code onepro everything}: every target the model finds on a query from a grid of clicks on a template
 * ({@link SegmentEverything}), written as one mask per kept target plus a colour overlay.
 */
@Command(name = "everything", sortOptions = false,
        description = {"Segment everything: a grid of foreground clicks on the template, each segmenting the query;"
                + " masks kept by predicted IoU and stability, duplicates removed.",
            "Writes OUT/NAME_everything_001.png ... (0/255, best score first) and OUT/NAME_everything.png (the query"
                + " with every mask in its own colour). Pass the same file as template and query to segment"
                + " everything in one image."})
final class EverythingCommand implements Callable<Integer> {

    @Option(names = "--template", required = true, paramLabel = "IMG", description = "the image the clicks go on")
    Path template;

    @Option(names = "--query", required = true, paramLabel = "IMG", description = "the image to segment")
    Path query;

    @Mixin
    TrainedModelOptions model;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "32",
            description = "N x N clicks (default ${DEFAULT-VALUE})")
    int grid;

    @Option(names = "--min-iou", paramLabel = "T", defaultValue = "0.5",
            description = "lowest predicted IoU a mask may have (default ${DEFAULT-VALUE})")
    double minIou;

    @Option(names = "--min-stability", paramLabel = "T", defaultValue = "0.8",
            description = "lowest stability score a mask may have (default ${DEFAULT-VALUE})")
    double minStability;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/everything",
            description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (grid < 1 || !(minIou >= 0 && minIou <= 1) || !(minStability >= 0 && minStability <= 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--grid must be at least 1 and --min-iou, --min-stability lie in [0, 1]");
        }
        InputFiles.checkInputs(List.of(template), List.of(query));
        Image t = ImageFiles.readImage(template);
        // Clicking on the image being segmented is interactive use, where one encoder pass serves both sides.
        boolean same = template.toAbsolutePath().normalize().equals(query.toAbsolutePath().normalize());
        Image q = same ? t : ImageFiles.readImage(query).withChannels(t.channels());
        SegmentEverything everything = SegmentEverything.builder().optGrid(grid).optIouThreshold(minIou)
                .optStabilityThreshold(minStability).build();
        PrintWriter console = spec.commandLine().getOut();
        List<ScoredMask> masks;
        try (Segmenter segmenter = model.open()) {
            console.printf("model %s; %d x %d clicks on %s%n", model.describe(), grid, grid,
                    template);
            console.flush();
            masks = same ? everything.run(segmenter, t) : everything.run(segmenter, t, q);
        }
        write(console, q, masks);
        return 0;
    }

    private void write(PrintWriter console, Image q, List<ScoredMask> masks) {
        String name = InputFiles.baseName(query) + "_everything";
        Canvas canvas = Canvas.of(q);
        console.printf("%d mask(s) kept%n", masks.size());
        if (!masks.isEmpty()) {
            console.printf("%4s  %8s  %7s  %9s  %6s  %s%n", "#", "pixels", "pred IoU", "stability", "score",
                    "click (x, y)");
        }
        // Drawn worst first, so the best masks end up on top where they overlap.
        for (int i = masks.size() - 1; i >= 0; i--) {
            canvas.fill(masks.get(i).mask(), Canvas.palette(i));
        }
        for (int i = 0; i < masks.size(); i++) {
            ScoredMask m = masks.get(i);
            ImageFiles.writeMask(m.mask(), out.resolve(String.format(Locale.ROOT, "%s_%03d.png", name, i + 1)));
            console.printf(Locale.ROOT, "%4d  %8d  %7.3f  %9.3f  %6.3f  (%.1f, %.1f)%n", i + 1, m.mask().count(),
                    m.predictedIou(), m.stability(), m.score(), m.click().x(), m.click().y());
        }
        Path overlay = out.resolve(name + ".png");
        ImageFiles.writeImage(canvas.toImage(), overlay);
        console.printf("wrote %d mask file(s) and %s%n", masks.size(), overlay);
        console.flush();
    }
}
