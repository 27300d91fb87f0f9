package org.onepro.model.bundled;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.onepro.core.error.InvalidInputException;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.io.ModelIO;

/**
 * Trained models shipped inside the onepro-model jar, loadable by name with no file on disk: a user who adds the
 * Maven dependency has them. Each lives at {@code /org/onepro/model/bundled/NAME/} as a model folder
 * ({@code model.json} + {@code weights.npz}); {@code docs/model-card.md} says how each was trained.
 */
public final class BundledModels {

    /** The model {@code Segmenter.pretrained()} loads. */
    public static final String DEFAULT = "onepro-small";

    private static final List<String> NAMES = List.of(DEFAULT);
    private static final String ROOT = "/org/onepro/model/bundled/";

    private BundledModels() {}

    /** The names of the bundled models. */
    public static List<String> names() {
        return NAMES;
    }

    /** Whether {@code name} is a bundled model. */
    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /**
     * Loads a bundled model by name, or else a saved model folder at that path: how every command and config that
     * takes a model ({@code --model}, {@code initialModel}) reads it.
     *
     * @throws IOException if it is not a bundled name and the folder cannot be read as a model
     */
    public static OnePromptModel loadNamedOrSaved(String nameOrFolder, NDManager manager) throws IOException {
        return contains(nameOrFolder) ? load(nameOrFolder, manager) : ModelIO.load(Path.of(nameOrFolder), manager);
    }

    /**
     * Loads a bundled model into {@code manager}, checking its weights against the sidecar's hash like a model
     * folder.
     *
     * @throws InvalidInputException if there is no bundled model of that name
     * @throws IOException           if the jar's copy is damaged
     */
    public static OnePromptModel load(String name, NDManager manager) throws IOException {
        if (!contains(name)) {
            throw new InvalidInputException("no bundled model named '" + name + "'; bundled: " + NAMES);
        }
        // ModelIO reads folders; the resources are copied to a private temporary one, removed right after.
        Path dir = Files.createTempDirectory("onepro-" + name);
        try {
            for (String file : List.of(ModelIO.SIDECAR, ModelIO.WEIGHTS)) {
                try (InputStream in = BundledModels.class.getResourceAsStream(ROOT + name + "/" + file)) {
                    if (in == null) {
                        throw new IOException("the bundled model " + name + " lacks " + file
                                + " in this build of onepro-model");
                    }
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return ModelIO.load(dir, manager);
        } finally {
            for (String file : List.of(ModelIO.SIDECAR, ModelIO.WEIGHTS)) {
                Files.deleteIfExists(dir.resolve(file));
            }
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the temporary folder " + dir, e);
            }
        }
    }
}
