package org.onepro.app.cli;

import ai.djl.Device;
import java.io.IOException;
import org.onepro.model.bundled.BundledModels;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.Option;

/**
 * The model of the commands that segment for a user ({@code segment}, {@code everything}, {@code evaluate},
 * {@code demo}): unlike {@link ModelSource}, whose default is an untrained preset (fine for timing and sizes),
 * these default to the bundled trained model, because random weights would give meaningless masks. A preset
 * stays available for trying the commands out. Declared as an exclusive {@code @ArgGroup}; {@code null} when
 * neither option is given.
 */
public final class TrainedModelSource {

    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "a bundled trained model by name or a saved model directory (default: the bundled "
                    + BundledModels.DEFAULT + ")")
    String model;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "an untrained model preset with random weights (tiny, small, base, large), to try the "
                    + "command out")
    String preset;

    /**
     * Opens the chosen model, or the bundled default.
     *
     * @param source the options, or {@code null} when neither was given
     * @param seed   initialises a preset's weights
     * @throws IOException if the model cannot be loaded; for the default the message says what to pass instead
     */
    static Segmenter open(TrainedModelSource source, long seed, Device device) throws IOException {
        if (source != null) {
            return ModelSource.open(source.asModelSource(), seed, device);
        }
        try {
            return Segmenter.pretrained(BundledModels.DEFAULT, device);
        } catch (IOException e) {
            throw new IOException("the default model " + BundledModels.DEFAULT + " could not be loaded ("
                    + e.getMessage() + "); pass --model DIR for a saved model, or --preset tiny for an untrained one",
                    e);
        }
    }

    /** A short description for the commands' headers. */
    static String describe(TrainedModelSource source, long seed) {
        return source == null ? "bundled model " + BundledModels.DEFAULT
                : ModelSource.describe(source.asModelSource(), seed);
    }

    private ModelSource asModelSource() {
        ModelSource s = new ModelSource();
        s.model = model;
        s.preset = preset;
        return s;
    }
}
