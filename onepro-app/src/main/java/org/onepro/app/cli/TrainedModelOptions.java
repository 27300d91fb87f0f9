package org.onepro.app.cli;

import java.io.IOException;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The model options shared by the commands that segment ({@code segment}, {@code everything}, {@code demo}): a
 * {@link TrainedModelSource} and the seed of a preset's random weights. Declared once as a picocli mixin so the
 * commands agree on names, defaults and help text.
 */
final class TrainedModelOptions {

    @ArgGroup(exclusive = true)
    TrainedModelSource source;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of a preset's random weights (default ${DEFAULT-VALUE})")
    long seed;

    /** Opens the chosen model (the bundled default when none is given). */
    Segmenter open() throws IOException {
        return TrainedModelSource.open(source, seed);
    }

    /** A short description for the commands' headers. */
    String describe() {
        return TrainedModelSource.describe(source, seed);
    }
}
