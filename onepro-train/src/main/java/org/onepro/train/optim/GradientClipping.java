package org.onepro.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.onepro.model.internal.nn.Scalars;

/**
 * Global-norm gradient clipping: when the L2 norm of all gradients together exceeds the limit, every gradient is
 * scaled by {@code limit / norm}, so the update keeps its direction and its positive and negative components
 * shrink alike. The norm is returned so the trainer can log it and stop on a non-finite one.
 */
public final class GradientClipping {

    private final double maxNorm;

    /** @param maxNorm the largest allowed global norm, positive */
    public GradientClipping(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("the gradient norm limit must be positive, not " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /**
     * Clips the gradients of the trainable parameters in place.
     *
     * @param parameters the model's parameters
     * @param scratch    a manager for the intermediates, closed by the caller
     * @return the global norm before clipping (NaN or infinite when a gradient is)
     */
    public double clip(PairList<String, Parameter> parameters, NDManager scratch) {
        // getGradient() hands out a new handle on each call; tempAttach would only lend it to scratch and give it
        // back to the parameter's manager, so each handle is attached for good and dies with scratch.
        List<NDArray> grads = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scratch);
                grads.add(g);
            }
        }
        double squares = 0;
        for (NDArray g : grads) {
            squares += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(squares);
        if (Double.isFinite(norm) && norm > maxNorm) {
            float scale = (float) (maxNorm / norm);
            for (NDArray g : grads) {
                g.muli(Scalars.of(g, scale));
            }
        }
        return norm;
    }
}
