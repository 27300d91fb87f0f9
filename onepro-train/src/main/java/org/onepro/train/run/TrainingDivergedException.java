package org.onepro.train.run;

/**
 * Training stopped because the loss or the gradient became NaN or infinite. The message names the step, the
 * episodes of the batch and the last good checkpoint, which is left intact.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what diverged, where, and what was kept */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
