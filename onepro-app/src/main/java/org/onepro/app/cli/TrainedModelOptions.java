package org.onepro.app.cli;

import java.io.IOException;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model options shared by the commands that segment ({@code segment}, {@code everything}, {@code demo}): a
 * {@link TrainedModelSource}, the seed of a preset's random weights and the device. Declared once as a picocli mixin so the
 * commands agree on names, defaults and help text.
 */
final class TrainedModelOptions {

    @ArgGroup(exclusive = true)
    TrainedModelSource source;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of a preset's random weights (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    DeviceOption device;

    /** Opens the chosen model (the bundled default when none is given) on the chosen device. */
    Segmenter open() throws IOException {
        return TrainedModelSource.open(source, seed, device.device());
    }

    /** A short description for the commands' headers. */
    String describe() {
        return TrainedModelSource.describe(source, seed);
    }
}
