package org.onepro.examples.cli;

import org.onepro.model.segment.Segmenter;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Where a command takes its model from: a named preset (freshly initialised) or a saved directory. */
public final class ModelSource {

    @Option(names = "--preset", paramLabel = "NAME", description = "model preset: tiny, small, base or large")
    String preset;

    @Option(names = "--model", paramLabel = "DIR", description = "a saved model directory")
    Path model;

    /** Opens the chosen model; the default is the {@code small} preset. */
    static Segmenter open(ModelSource source, long seed) throws IOException {
        if (source != null && source.model != null) {
            return Segmenter.load(source.model);
        }
        return Segmenter.fromPreset(source == null || source.preset == null ? "small" : source.preset, seed);
    }

    /** The directory, when the source is a saved model. */
    static Path directory(ModelSource source) {
        return source == null ? null : source.model;
    }
}
