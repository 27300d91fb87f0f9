package org.onepro.app.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.onepro.classic.registration.Registration;

/** The classical floors {@code onepro evaluate --baseline NAME} runs instead of a model. */
public enum Baseline {
    /** The template's mask resized onto the query. */
    COPY_TEMPLATE(false),
    /** The template registered onto the query by the affine stage alone, its mask warped. */
    REGISTRATION_AFFINE(false),
    /** The template registered onto the query, affine then demons, its mask warped. */
    REGISTRATION(false),
    /** A random forest fitted to the template's pixels, applied to the query. */
    PIXEL_CLASSIFIER(false),
    /** Interactive, box prompts: the ellipse inscribed in the box. */
    BOX_FILL(true);

    private final boolean interactive;

    Baseline(boolean interactive) {
        this.interactive = interactive;
    }

    /**
     * Whether the floor prompts each image on itself ({@code --interactive}) rather than segmenting queries from
     * templates.
     *
     * @return true for the interactive floors
     */
    public boolean interactive() {
        return interactive;
    }

    /**
     * The name on the command line.
     *
     * @return the lower-case, hyphenated name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Looks a floor up by its command-line name.
     *
     * @param name the name
     * @return the floor
     * @throws IllegalArgumentException naming the known floors, if none is called so
     */
    public static Baseline parse(String name) {
        for (Baseline b : values()) {
            if (b.label().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown baseline '" + name + "'; known: "
                + Arrays.stream(values()).map(Baseline::label).collect(Collectors.joining(", ")));
    }

    /**
     * The one-shot predictor of this floor.
     *
     * @param seed the evaluation's seed (the pixel classifier's sample and forest)
     * @return the predictor
     * @throws IllegalStateException for an interactive floor
     */
    public Predictor predictor(long seed) {
        return switch (this) {
            case COPY_TEMPLATE -> new CopyTemplateBaseline();
            case REGISTRATION_AFFINE -> new RegistrationBaseline(Registration.Settings.DEFAULT.affineOnly());
            case REGISTRATION -> new RegistrationBaseline(Registration.Settings.DEFAULT);
            case PIXEL_CLASSIFIER -> new PixelClassifierBaseline(seed);
            case BOX_FILL -> throw new IllegalStateException("box-fill is an interactive floor");
        };
    }
}
