package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/** Two linears with a GELU between them, applied to each token. */
public final class FeedForward extends ParamBlock {

    private final Dense up;
    private final Dense down;

    /** @param dim token width @param hidden hidden width */
    public FeedForward(int dim, int hidden) {
        up = addChildBlock("up", new Dense(dim, hidden, Init.HE));
        down = addChildBlock("down", new Dense(hidden, dim, Init.LECUN));
    }

    /** Applies the MLP to {@code x (..., d)}. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        return down.apply(ps, Activation.gelu(up.apply(ps, x, training)), training);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
