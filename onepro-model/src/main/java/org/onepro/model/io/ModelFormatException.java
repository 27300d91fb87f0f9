package org.onepro.model.io;

import java.io.IOException;

/** A model directory that cannot be loaded: missing files, a sidecar that does not match, corrupt weights. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file */
    public ModelFormatException(String message) {
        super(message);
    }

    /** @param message what is wrong @param cause the underlying error */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
