package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/** LayerNorm over the feature axis of tokens {@code (b, n, d)}. */
public final class TokenNorm extends ParamBlock {

    private final Parameter gain;
    private final Parameter shift;
    private final int dim;

    /** @param dim the token width d */
    public TokenNorm(int dim) {
        this.dim = dim;
        gain = param("gain", new Shape(dim), Init.ONES);
        shift = param("shift", new Shape(dim), Init.ZEROS);
    }

    /** Normalises each token of {@code x (..., d)}. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        return LayerNorm.layerNorm(
                        x,
                        new Shape(dim),
                        value(ps, gain, x, training),
                        value(ps, shift, x, training),
                        1e-5f)
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
