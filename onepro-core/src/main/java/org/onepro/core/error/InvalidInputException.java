package org.onepro.core.error;

/**
 * Signals that a caller handed OnePro an input it cannot work with: a malformed image, a prompt that does not
 * fit the image, mismatched mask sizes and so on. The message always names the problem and the offending values
 * so that it can be shown to an end user unchanged.
 */
public class InvalidInputException extends IllegalArgumentException {

    /**
     * Creates an exception with a user-facing message.
     *
     * @param message what is wrong, including the offending values
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a user-facing message and the lower-level failure that revealed the problem.
     *
     * @param message what is wrong, including the offending values
     * @param cause   the failure that revealed the problem (for example an I/O error)
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
