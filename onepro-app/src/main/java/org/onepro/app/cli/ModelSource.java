package org.onepro.app.cli;

import org.onepro.model.bundled.BundledModels;
import org.onepro.model.segment.Segmenter;

import picocli.CommandLine.Option;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a command takes its model from: a named preset (freshly initialised), a bundled trained
 * model by name (e.g. {@code onepro-small}) or a saved model directory. Commands declare it as an exclusive {@code @ArgGroup}, so picocli rejects both at once
 * and leaves the field {@code null} when neither is given.
 */
public final class ModelSource {

    /** The preset used when neither option is given. */
    public static final String DEFAULT_PRESET = "small";

    @Option(names = "--preset", paramLabel = "NAME",
            description = "model preset: tiny, small, base or large (default " + DEFAULT_PRESET + ")")
    String preset;

    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "a bundled trained model by name (onepro-small) or a saved model directory")
    String model;

    /** Opens the chosen model; {@code seed} initialises a preset and is ignored for a trained model. */
    static Segmenter open(ModelSource source, long seed, Device device) throws IOException {
        if (source == null || source.model == null) {
            return Segmenter.untrained(presetName(source), seed, device);
        }
        return bundled(source) ? Segmenter.pretrained(source.model, device)
                : Segmenter.load(Path.of(source.model), device);
    }

    /** Whether the source names a bundled model. */
    static boolean bundled(ModelSource source) {
        return source != null && source.model != null && BundledModels.contains(source.model);
    }

    /** The directory, when the source is a saved model folder, else {@code null}. */
    static Path directory(ModelSource source) {
        return source == null || source.model == null || bundled(source) ? null : Path.of(source.model);
    }

    /** A short description for the commands' headers. */
    static String describe(ModelSource source, long seed) {
        if (bundled(source)) {
            return "bundled model " + source.model;
        }
        Path dir = directory(source);
        return dir != null ? "saved model " + dir : "preset " + presetName(source) + " (random init, seed " + seed + ")";
    }

    private static String presetName(ModelSource source) {
        return source == null || source.preset == null ? DEFAULT_PRESET : source.preset;
    }
}
