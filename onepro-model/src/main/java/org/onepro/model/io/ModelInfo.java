package org.onepro.model.io;

import java.time.Instant;
import org.onepro.model.internal.io.ModelIO;

/**
 * How a saved model was made, kept in its JSON sidecar.
 *
 * @param createdAt ISO-8601 time of saving
 * @param createdBy the software that wrote it
 * @param seed the initialisation seed
 * @param description free text: training command, steps, data
 */
public record ModelInfo(String createdAt, String createdBy, long seed, String description) {

    /** Info stamped now. */
    public static ModelInfo now(long seed, String description) {
        return new ModelInfo(Instant.now().toString(), "OnePro " + ModelIO.FORMAT_VERSION, seed, description);
    }
}
