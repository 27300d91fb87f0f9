package org.onepro.model.internal.io;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.onepro.core.error.InvalidInputException;
import org.onepro.model.bundled.BundledModels;
import org.onepro.model.internal.OnePromptModel;

/** Reads the models shipped in the jar ({@link BundledModels}) and model folders into a manager. */
public final class ModelSources {

    private static final String ROOT = "/org/onepro/model/bundled/";

    private ModelSources() {
    }

    /**
     * Loads a bundled model by name, or else a saved model folder at that path: how every command and config that
     * takes a model ({@code --model}, {@code initialModel}) reads it.
     *
     * @throws IOException if it is not a bundled name and the folder cannot be read as a model
     */
    public static OnePromptModel namedOrSaved(String nameOrFolder, NDManager manager) throws IOException {
        return BundledModels.contains(nameOrFolder) ? bundled(nameOrFolder, manager) : ModelIO.load(Path.of(nameOrFolder), manager);
    }

    /**
     * Loads a bundled model into {@code manager}, checking its weights against the sidecar's hash like a model
     * folder.
     *
     * @throws InvalidInputException if there is no bundled model of that name
     * @throws IOException           if the jar's copy is damaged
     */
    public static OnePromptModel bundled(String name, NDManager manager) throws IOException {
        if (!BundledModels.contains(name)) {
            throw new InvalidInputException("no bundled model named '" + name + "'; bundled: " + BundledModels.names());
        }
        // Read straight from the jar: no temporary copy that an interrupted load could leave behind.
        String sidecar = new String(resource(name, ModelIO.SIDECAR), StandardCharsets.UTF_8);
        return ModelIO.load(sidecar, resource(name, ModelIO.WEIGHTS), Path.of("onepro-model.jar", "bundled", name),
                manager);
    }

    private static byte[] resource(String name, String file) throws IOException {
        try (InputStream in = BundledModels.class.getResourceAsStream(ROOT + name + "/" + file)) {
            if (in == null) {
                throw new IOException("the bundled model " + name + " lacks " + file + " in this build of onepro-model");
            }
            return in.readAllBytes();
        }
    }
}
