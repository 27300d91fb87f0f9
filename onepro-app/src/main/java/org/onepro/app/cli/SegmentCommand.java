package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onepro.app.eval.ClassifierFusion;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.result.EnsembleResult;
import org.onepro.core.result.SegmentationResult;
import org.onepro.data.io.ImageFiles;
import org.onepro.model.segment.PreparedTemplate;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.adapt.AdaptationSettings;
import org.onepro.train.adapt.AdaptedTemplate;
import org.onepro.train.adapt.TemplateAdapter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code onepro segment}: segments query images (or NIfTI and DICOM volumes, slice by slice) by the target a
 * prompt marks on a template. Several {@code --template}/{@code --prompt} pairs are ensembled. Everything that can
 * be checked without reading images (prompt syntax, option counts) is a usage error; unreadable files and prompts
 * that do not fit their template are runtime errors, reported before the model loads where possible.
 */
@Command(name = "segment", sortOptions = false,
        description = {"Segment query images by the target a prompt marks on a template image.",
            "Repeat --template and --prompt (one prompt per template, in order) to ensemble several templates.",
            "Writes per query, into OUT:",
            "  NAME_mask.png      the mask (0/255)",
            "  NAME_overlay.png   with --overlay: the query with the mask tinted",
            "  NAME_prob.png      with --probabilities: the foreground probability",
            "  NAME_var.png       with --probabilities, for an ensemble: the variance",
            "                     over the templates (white = 0.25)",
            "  NAME_mask.nii.gz   for a volume query (NIfTI .nii/.nii.gz, a DICOM series",
            "                     folder or DICOM file): slice by slice along --axis from",
            "                     one 2-D template, with the input's geometry",
            "Prompt SPECs, in template pixels (x column, y row); quote them for the shell:",
            "  click:x,y[,fg|bg][;x,y[,fg|bg]...]  clicks, foreground unless marked bg",
            "  bbox:x0,y0,x1,y1                    a box around the target",
            "  doodle:FILE                         scribbles: 0 none, 1 fg, 2 bg stroke",
            "  seglab:MASK                         a mask of the target (non-zero)"})
final class SegmentCommand implements Callable<Integer> {

    @Option(names = "--template", required = true, paramLabel = "IMG",
            description = "the prompted image (repeat for an ensemble)")
    List<Path> templates;

    @Option(names = "--prompt", required = true, paramLabel = "SPEC", converter = PromptSpec.Converter.class,
            description = "the prompt on the template at the same position (SPECs above)")
    List<PromptSpec> prompts;

    @Option(names = "--query", required = true, arity = "1..*", paramLabel = "IMG",
            description = "images, NIfTI volumes or DICOM series folders to segment")
    List<Path> queries;

    @Mixin
    TrainedModelOptions model;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/segment",
            description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--overlay", description = "also write NAME_overlay.png: the query with the mask tinted")
    boolean overlay;

    @Option(names = "--probabilities", description = "also write NAME_prob.png (and NAME_var.png for an ensemble)")
    boolean probabilities;

    @Option(names = "--adapt", paramLabel = "STEPS", defaultValue = "0",
            description = "first fine-tune a copy of the model on the template for STEPS optimiser steps (SegLab"
                    + " prompt, one template, 2-D queries; 30 steps take about 40 s on two cores; default"
                    + " ${DEFAULT-VALUE}: off)")
    int adapt;

    @Option(names = "--fuse-classifier",
            description = "with --adapt: average the adapted model's probability with that of a pixel classifier"
                    + " fitted to the template's mask (the best one-shot path on held-out tasks, docs/model-card.md)")
    boolean fuseClassifier;

    @Option(names = "--axis", paramLabel = "A", defaultValue = "2",
            description = "slice axis of volume queries: 0 sagittal, 1 coronal, 2 axial (default ${DEFAULT-VALUE})")
    int axis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        InputFiles.checkInputs(templates, queries);
        List<PromptedTemplate> prompted = readTemplates();
        PrintWriter console = spec.commandLine().getOut();
        try (Segmenter segmenter = model.open()) {
            console.printf("model %s; %d template(s); writing to %s%n", model.describe(),
                    prompted.size(), out);
            console.flush();
            segmentAll(segmenter, prompted, new SegmentOutputs(out), console);
        }
        console.flush();
        return 0;
    }

    private void checkArguments() {
        if (templates.size() != prompts.size()) {
            throw new ParameterException(spec.commandLine(), "give one --prompt per --template: got "
                    + templates.size() + " template(s) and " + prompts.size() + " prompt(s)");
        }
        if (axis < 0 || axis > 2) {
            throw new ParameterException(spec.commandLine(), "--axis must be 0, 1 or 2, got " + axis);
        }
        boolean volumes = queries.stream().anyMatch(InputFiles::isVolume);
        if (adapt < 0) {
            throw new ParameterException(spec.commandLine(), "--adapt must be 0 (off) or a number of steps, got "
                    + adapt);
        }
        if (fuseClassifier && adapt == 0) {
            throw new ParameterException(spec.commandLine(), "--fuse-classifier fuses the adapted model with the"
                    + " classifier: add --adapt STEPS (30 is the measured setting)");
        }
        if (adapt > 0 && (templates.size() != 1 || volumes)) {
            throw new ParameterException(spec.commandLine(), "--adapt fits the model to one --template and"
                    + " segments 2-D queries; got " + templates.size() + " template(s)"
                    + (volumes ? " and a volume query" : ""));
        }
        if (volumes && templates.size() > 1) {
            throw new ParameterException(spec.commandLine(), "volume queries are segmented from one --template/"
                    + "--prompt pair, not an ensemble of " + templates.size());
        }
    }

    /** Reads the templates (converted to the first one's channel count) and resolves each prompt on its own. */
    private List<PromptedTemplate> readTemplates() {
        List<PromptedTemplate> out = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            Path file = templates.get(i);
            if (InputFiles.isVolume(file)) {
                throw new InvalidInputException("template " + file + " is a volume; give a 2-D image, such as"
                        + " one slice of the volume saved as PNG");
            }
            Image image = ImageFiles.readImage(file);
            if (!out.isEmpty()) {
                image = image.withChannels(out.get(0).template().channels());
            }
            out.add(new PromptedTemplate(image, prompts.get(i).resolve(image)));
        }
        return out;
    }

    private void segmentAll(Segmenter segmenter, List<PromptedTemplate> prompted, SegmentOutputs files,
            PrintWriter console) {
        int channels = prompted.get(0).template().channels();
        RunState state = new RunState();
        List<Path> done = new ArrayList<>();
        try {
            for (Path file : queries) {
                try {
                    segmentOne(segmenter, prompted, files, console, file, channels, state);
                } catch (InvalidInputException e) {
                    // Earlier queries' outputs are already written (each atomically): say which, so a rerun
                    // after fixing this file knows what it would overwrite.
                    String problem = e.getMessage().contains(file.toString()) ? e.getMessage()
                            : file + ": " + e.getMessage();
                    throw new InvalidInputException(problem + (done.isEmpty() ? "; nothing was written"
                            : done.size() == 1 ? "; the outputs of the query before it (" + done.get(0) + ") were written"
                            : "; the outputs of the " + done.size() + " queries before it (" + done.get(0) + " to "
                            + done.get(done.size() - 1) + ") were written"), e);
                }
                done.add(file);
            }
        } finally {
            state.close();
        }
    }

    /** What the queries of one run share: the template encoded once, or the adapted model. */
    private static final class RunState implements AutoCloseable {
        PreparedTemplate prepared;
        AdaptedTemplate adapted;
        ClassifierFusion fusion;

        @Override
        public void close() {
            if (prepared != null) {
                prepared.close();
            }
            if (adapted != null) {
                adapted.close();
            }
            if (fusion != null) {
                fusion.close();
            }
        }
    }

    private void segmentOne(Segmenter segmenter, List<PromptedTemplate> prompted, SegmentOutputs files,
            PrintWriter console, Path file, int channels, RunState state) {
        String name = InputFiles.baseName(file);
        if (InputFiles.isVolume(file)) {
            VolumeQuery.segment(segmenter, file, prompted.get(0), axis, files, console);
            if (overlay || probabilities) {
                console.println("  (--overlay and --probabilities apply to 2-D queries only)");
            }
            return;
        }
        Image query = ImageFiles.readImage(file).withChannels(channels);
        if (adapt > 0) {
            if (state.adapted == null) {
                state.adapted = TemplateAdapter.adapt(segmenter, prompted.get(0).template(),
                        prompted.get(0).prompt(), AdaptationSettings.defaults().withSteps(adapt));
                console.printf(Locale.ROOT, "adapted the model to the template in %.1f s%n",
                        state.adapted.seconds());
            }
            SegmentationResult r = state.adapted.segment(query);
            if (fuseClassifier) {
                if (state.fusion == null) {
                    PromptedTemplate t = prompted.get(0);
                    long t0 = System.nanoTime();
                    state.fusion = ClassifierFusion.fit(t.template(), ((SegLab) t.prompt()).mask(),
                            AdaptationSettings.defaults().seed());
                    console.printf(Locale.ROOT, "fitted the pixel classifier to the template in %.1f s%n",
                            (System.nanoTime() - t0) / 1e9);
                }
                ProbabilityMap fused = state.fusion.fuse(r.probabilities(), query);
                r = new SegmentationResult(fused, fused.threshold(0.5f), r.predictedIou());
            }
            write(console, files, file, name, query, r, null);
        } else if (prompted.size() == 1) {
            if (state.prepared == null) {
                // Encoded once, on the first 2-D query, for all of them.
                state.prepared = segmenter.prepare(prompted.get(0).template(), prompted.get(0).prompt());
            }
            write(console, files, file, name, query, state.prepared.segment(query), null);
        } else {
            EnsembleResult e = segmenter.segment(query, prompted);
            write(console, files, file, name, query, e.asResult(), e);
        }
    }

    private void write(PrintWriter console, SegmentOutputs files, Path file, String name, Image query,
            SegmentationResult result, EnsembleResult ensemble) {
        Mask mask = result.mask();
        List<Path> written = new ArrayList<>();
        written.add(files.mask(name, mask));
        if (overlay) {
            written.add(files.overlay(name, query, mask));
        }
        if (probabilities) {
            written.add(files.probabilities(name, result.probabilities()));
            if (ensemble != null) {
                written.add(files.variance(name, ensemble.variance()));
            }
        }
        double percent = 100.0 * mask.count() / ((double) mask.height() * mask.width());
        console.printf(Locale.ROOT, "%s: %dx%d, %.1f%% foreground, predicted IoU %.3f -> %s%n", file,
                mask.width(), mask.height(), percent, result.predictedIou(), joined(written));
        console.flush();
    }

    private static String joined(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f);
        }
        return sb.toString();
    }
}
