package org.onepro.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * Clears the gradients of trainable parameters before a backward pass (PyTorch accumulates them).
 *
 * <p>Used instead of {@code GradientCollector.zeroGradients()}, which on DJL 0.36's PyTorch engine asks each
 * parameter for its gradient twice and never closes the handles it gets: two native arrays per parameter leak
 * into the model's manager at every step (measured: 522 arrays per step for the tiny preset).
 */
public final class Gradients {

    private Gradients() {}

    /** Sets every trainable parameter's gradient to zero in place. */
    public static void zero(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> p : parameters) {
            NDArray weight = p.getValue().getArray();
            if (p.getValue().requiresGradient() && weight.hasGradient()) {
                try (NDArray g = weight.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }
}
