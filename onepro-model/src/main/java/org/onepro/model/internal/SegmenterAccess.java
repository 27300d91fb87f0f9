package org.onepro.model.internal;

import org.onepro.model.segment.Segmenter;

/**
 * OnePro's own access to the engine side of a {@link Segmenter}, kept off the public API: the trainer validates the
 * model it is training through a segmenter, per-template adaptation copies a segmenter's model, and tools print
 * its parameters. Not part of the API; user code loads segmenters with {@code Segmenter.pretrained}, {@code load}
 * or {@code untrained}.
 */
public final class SegmenterAccess {

    /** What {@link Segmenter} provides; it installs the one instance when its class initialises. */
    public interface Bridge {

        /** A segmenter over a model owned by the caller; closing it leaves the model's parameters alone. */
        Segmenter wrap(OnePromptModel model);

        /** The model a segmenter runs. */
        OnePromptModel model(Segmenter segmenter);
    }

    private static volatile Bridge bridge;

    private SegmenterAccess() {
    }

    /**
     * Installs the bridge; {@link Segmenter} calls this once.
     *
     * @throws IllegalStateException if a bridge is installed already
     */
    public static synchronized void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("the segmenter bridge is installed already");
        }
        bridge = b;
    }

    /** A segmenter over a model owned by the caller (for example one being trained); see {@link Bridge#wrap}. */
    public static Segmenter wrap(OnePromptModel model) {
        return bridge().wrap(model);
    }

    /** The model a segmenter runs. */
    public static OnePromptModel model(Segmenter segmenter) {
        return bridge().model(segmenter);
    }

    private static Bridge bridge() {
        if (bridge == null) {
            try {
                // Initialising Segmenter runs its static block, which installs the bridge.
                Class.forName(Segmenter.class.getName(), true, Segmenter.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Segmenter is missing from the class path", e);
            }
        }
        return bridge;
    }
}
