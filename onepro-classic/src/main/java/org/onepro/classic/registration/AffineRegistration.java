package org.onepro.classic.registration;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.onepro.classic.grid.Grid;

/**
 * The affine stage: the map that maximises the normalised cross-correlation between the query and the warped
 * template, found coarse to fine (the longer side at 32, 64, then the working size) by BOBYQA, a derivative-free
 * trust-region method that handles the bounds (scales 0.5-2, shears within ±0.5, shifts within ±0.4 of the
 * image) without a hand-tuned step size. NCC makes the fit indifferent to a linear change of brightness between
 * the two images, as between two scans of one protocol.
 */
public final class AffineRegistration {

    private static final int[] PYRAMID = {32, 64};
    private static final double[] LOWER = {-0.5, -0.5, -0.5, -0.5, -0.4, -0.4};
    private static final double[] UPPER = {1.0, 0.5, 0.5, 1.0, 0.4, 0.4};
    /** Below this share of query pixels mapped inside the template, a map is rejected as degenerate. */
    private static final double MIN_OVERLAP = 0.3;

    private AffineRegistration() {
    }

    /**
     * Registers a template onto a query.
     *
     * @param query    the query grid at the working size, intensities normalised
     * @param template the template grid at its working size, normalised alike
     * @return the map from query to template coordinates
     */
    public static Affine register(Grid query, Grid template) {
        double[] p = Affine.IDENTITY.parameters();
        int longest = Math.max(query.height(), query.width());
        double radius = 0.1;
        for (int side : PYRAMID) {
            if (side < longest) {
                p = optimise(level(query, side), level(template, side), p, radius, 300);
                radius /= 2;
            }
        }
        p = optimise(query, template, p, radius, 300);
        return Affine.fromParameters(p);
    }

    private static Grid level(Grid g, int side) {
        int[] size = Grid.fit(g.height(), g.width(), side);
        return g.resize(size[0], size[1]);
    }

    private static double[] optimise(Grid query, Grid template, double[] start, double radius, int evaluations) {
        double[] x0 = start.clone();
        for (int i = 0; i < x0.length; i++) {
            // BOBYQA needs the start strictly inside the bounds by more than its first step.
            x0[i] = Math.min(UPPER[i] - radius * 1.01, Math.max(LOWER[i] + radius * 1.01, x0[i]));
        }
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * x0.length + 1, radius, 1e-4);
        // The best point seen is kept outside the optimiser, so a level that runs out of evaluations still
        // returns what it found rather than its start.
        double[] best = start.clone();
        double[] bestCost = {cost(query, template, Affine.fromParameters(start))};
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            double c = cost(query, template, Affine.fromParameters(p));
            if (c < bestCost[0]) {
                bestCost[0] = c;
                System.arraycopy(p, 0, best, 0, best.length);
            }
            return c;
        });
        try {
            optimizer.optimize(new MaxEval(evaluations), objective, GoalType.MINIMIZE, new InitialGuess(x0),
                    new SimpleBounds(LOWER, UPPER));
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            // The budget is a time limit, not a failure.
        }
        return best;
    }

    /** One minus the normalised cross-correlation over the query pixels that fall inside the template. */
    static double cost(Grid query, Grid template, Affine affine) {
        int h = query.height();
        int w = query.width();
        float[] inside = new float[h * w];
        float[] moved = Sampling.warp(template, affine, h, w, null, null, inside);
        return 1 - Ncc.of(query.data(), moved, inside, MIN_OVERLAP);
    }
}
