package org.onepro.model.bundled;

import java.util.List;

/**
 * Trained models shipped inside the onepro-model jar, loadable by name with no file on disk: a user who adds the
 * Maven dependency has them. Each lives at {@code /org/onepro/model/bundled/NAME/} as a model folder
 * ({@code model.json} + {@code weights.npz}); {@code docs/model-card.md} says how each was trained. Load one with
 * {@code Segmenter.pretrained(name)}.
 */
public final class BundledModels {

    /** The model {@code Segmenter.pretrained()} loads. */
    public static final String DEFAULT = "onepro-small";

    private static final List<String> NAMES = List.of(DEFAULT);

    private BundledModels() {}

    /** The names of the bundled models. */
    public static List<String> names() {
        return NAMES;
    }

    /** Whether {@code name} is a bundled model. */
    public static boolean contains(String name) {
        return NAMES.contains(name);
    }
}
