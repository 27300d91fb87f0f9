package org.onepro.classic.registration;

import java.util.Objects;
import org.onepro.classic.grid.Grid;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;

/**
 * The result of registering a template onto a query: for every query pixel, the template position that
 * corresponds to it (the affine map, after the smooth displacement field when there is one). It carries maps drawn
 * on the template (its mask) onto the query.
 */
public final class Warp {

    private final Affine affine;
    private final Grid dx;
    private final Grid dy;
    private final int queryHeight;
    private final int queryWidth;
    private final int templateHeight;
    private final int templateWidth;

    /**
     * A warp.
     *
     * @param affine         query to template in normalised coordinates
     * @param dx             x displacement on the working query grid in its pixels, or null for affine only
     * @param dy             y displacement, null exactly when {@code dx} is
     * @param queryHeight    the query's rows
     * @param queryWidth     the query's columns
     * @param templateHeight the template's rows
     * @param templateWidth  the template's columns
     */
    Warp(Affine affine, Grid dx, Grid dy, int queryHeight, int queryWidth, int templateHeight, int templateWidth) {
        this.affine = Objects.requireNonNull(affine, "affine");
        this.dx = dx;
        this.dy = dy;
        this.queryHeight = queryHeight;
        this.queryWidth = queryWidth;
        this.templateHeight = templateHeight;
        this.templateWidth = templateWidth;
    }

    /**
     * The affine stage's map.
     *
     * @return the map, query to template
     */
    public Affine affine() {
        return affine;
    }

    /**
     * Carries a template mask onto the query, nearest neighbour; query pixels that map outside the template are
     * background.
     *
     * @param templateMask a mask at the template's size
     * @return the mask at the query's size
     * @throws InvalidInputException if the mask is not at the template's size
     */
    public Mask warp(Mask templateMask) {
        if (templateMask.height() != templateHeight || templateMask.width() != templateWidth) {
            throw new InvalidInputException("the template mask is " + templateMask.height() + "x"
                    + templateMask.width() + " but the registered template is " + templateHeight + "x"
                    + templateWidth);
        }
        boolean[] src = templateMask.data();
        boolean[] out = new boolean[queryHeight * queryWidth];
        double[] pos = new double[2];
        for (int y = 0; y < queryHeight; y++) {
            for (int x = 0; x < queryWidth; x++) {
                templatePosition(y, x, pos);
                int ty = (int) Math.round(pos[0]);
                int tx = (int) Math.round(pos[1]);
                if (ty >= 0 && ty < templateHeight && tx >= 0 && tx < templateWidth) {
                    out[y * queryWidth + x] = src[ty * templateWidth + tx];
                }
            }
        }
        return Mask.of(out, queryHeight, queryWidth);
    }

    /** The template position {@code (row, column)} of query pixel {@code (y, x)}, written into {@code out}. */
    private void templatePosition(int y, int x, double[] out) {
        double px = x;
        double py = y;
        if (dx != null) {
            // The field lives on the working grid: go there, displace, and express the result in query pixels.
            double sy = dx.height() / (double) queryHeight;
            double sx = dx.width() / (double) queryWidth;
            double wy = (y + 0.5) * sy - 0.5;
            double wx = (x + 0.5) * sx - 0.5;
            px = (wx + dx.sample(wy, wx) + 0.5) / sx - 0.5;
            py = (wy + dy.sample(wy, wx) + 0.5) / sy - 0.5;
        }
        double ux = (px + 0.5) / queryWidth - 0.5;
        double uy = (py + 0.5) / queryHeight - 0.5;
        out[0] = (affine.y(ux, uy) + 0.5) * templateHeight - 0.5;
        out[1] = (affine.x(ux, uy) + 0.5) * templateWidth - 0.5;
    }
}
