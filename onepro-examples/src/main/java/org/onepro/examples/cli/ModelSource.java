package org.onepro.examples.cli;

import org.onepro.model.segment.Segmenter;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a command takes its model from: a named preset (freshly initialised) or a saved model
 * directory. Commands declare it as an exclusive {@code @ArgGroup}, so picocli rejects both at once
 * and leaves the field {@code null} when neither is given.
 */
public final class ModelSource {

    /** The preset used when neither option is given. */
    public static final String DEFAULT_PRESET = "small";

    @Option(names = "--preset", paramLabel = "NAME",
            description = "model preset: tiny, small, base or large (default " + DEFAULT_PRESET + ")")
    String preset;

    @Option(names = "--model", paramLabel = "DIR", description = "a saved model directory")
    Path model;

    /** Opens the chosen model; {@code seed} initialises a preset and is ignored for a saved model. */
    static Segmenter open(ModelSource source, long seed) throws IOException {
        Path dir = directory(source);
        return dir != null ? Segmenter.load(dir) : Segmenter.fromPreset(presetName(source), seed);
    }

    /** The directory, when the source is a saved model, else {@code null}. */
    static Path directory(ModelSource source) {
        return source == null ? null : source.model;
    }

    /** A short description for the commands' headers. */
    static String describe(ModelSource source, long seed) {
        Path dir = directory(source);
        return dir != null ? "saved model " + dir : "preset " + presetName(source) + " (random init, seed " + seed + ")";
    }

    private static String presetName(ModelSource source) {
        return source == null || source.preset == null ? DEFAULT_PRESET : source.preset;
    }
}
