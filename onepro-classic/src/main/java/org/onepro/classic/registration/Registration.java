package org.onepro.classic.registration;

import java.util.Objects;
import org.onepro.classic.grid.Grid;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;

/**
 * Registers a template image onto a query image: both are reduced to grey, normalised by their own 0.5 / 99.5
 * percentiles and brought to a working size (longer side at most {@link Settings#workingSide()}); then the affine
 * stage and, unless switched off, the demons stage. The result maps every query pixel to the template.
 */
public final class Registration {

    /**
     * How to register.
     *
     * @param workingSide longer side of the working grids, at least 16
     * @param deformable  whether the demons stage runs after the affine one
     * @param iterations  demons iterations per level
     * @param fluid       demons update smoothing, pixels
     * @param diffusion   demons field smoothing, pixels
     */
    public record Settings(int workingSide, boolean deformable, int iterations, double fluid, double diffusion) {

        /**
         * The defaults: a 128-pixel working grid, affine then up to 40 demons iterations per level with update
         * and field smoothing of 1 pixel each, chosen on six tasks of fold A's training side (docs/evaluation.md),
         * never on held-out tasks: mean Dice 0.591 there, against 0.575 with 2 pixels of smoothing and 0.536 for
         * the affine stage alone.
         */
        public static final Settings DEFAULT = new Settings(128, true, 40, 1.0, 1.0);

        /**
         * Checks the settings.
         *
         * @param workingSide working size
         * @param deformable  demons on or off
         * @param iterations  iterations
         * @param fluid       update smoothing
         * @param diffusion   field smoothing
         */
        public Settings {
            if (workingSide < 16 || iterations < 0 || !(fluid >= 0) || !(diffusion >= 0)) {
                throw new IllegalArgumentException("bad registration settings: side " + workingSide
                        + ", iterations " + iterations + ", sigmas " + fluid + ", " + diffusion);
            }
        }

        /**
         * The same settings with the affine stage only.
         *
         * @return the settings
         */
        public Settings affineOnly() {
            return new Settings(workingSide, false, iterations, fluid, diffusion);
        }
    }

    private Registration() {
    }

    /**
     * Registers a template onto a query.
     *
     * @param template the template image
     * @param query    the query image (any size; channel counts may differ, both are reduced to grey)
     * @param settings how to register
     * @return the warp from query pixels to template positions
     * @throws InvalidInputException if an image is smaller than 2 x 2
     */
    public static Warp register(Image template, Image query, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        for (Image im : new Image[] {template, query}) {
            if (im.height() < 2 || im.width() < 2) {
                throw new InvalidInputException("registration needs images of at least 2x2 pixels, got "
                        + im.height() + "x" + im.width());
            }
        }
        Grid q = working(query, settings.workingSide());
        Grid t = working(template, settings.workingSide());
        Affine affine = AffineRegistration.register(q, t);
        Grid dx = null;
        Grid dy = null;
        if (settings.deformable() && settings.iterations() > 0) {
            float[][] d = DemonsRegistration.register(q, t, affine, settings.iterations(), settings.fluid(),
                    settings.diffusion());
            dx = new Grid(d[0], q.height(), q.width());
            dy = new Grid(d[1], q.height(), q.width());
        }
        return new Warp(affine, dx, dy, query.height(), query.width(), template.height(), template.width());
    }

    private static Grid working(Image image, int side) {
        int[] size = Grid.fit(image.height(), image.width(), side);
        return Grid.grey(image).normalised(0.5, 99.5).resize(size[0], size[1]);
    }
}
