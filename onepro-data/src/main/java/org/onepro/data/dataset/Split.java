package org.onepro.data.dataset;

import java.util.Locale;
import org.onepro.core.error.InvalidInputException;

/** The part of a task a sample belongs to; each sample is in exactly one. */
public enum Split {
    /** Samples that may serve as the one prompted template at evaluation time. */
    TEMPLATE,
    /** Samples the model is trained on. */
    TRAIN,
    /** Samples for choosing checkpoints and settings. */
    VAL,
    /** Samples held out for the final numbers. */
    TEST;

    /**
     * The name used in split files.
     *
     * @return the lower-case name, e.g. {@code "template"}
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The split a split file's key names.
     *
     * @param key a lower-case name as {@link #key()} gives it
     * @return the split
     * @throws InvalidInputException if no split has that key
     */
    public static Split fromKey(String key) {
        for (Split s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new InvalidInputException("unknown split '" + key + "'; expected template, train, val or test");
    }
}
