package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/** A linear map over the last axis, with bias. */
public final class Dense extends ParamBlock {

    private final Parameter weight;
    private final Parameter bias;

    /** @param in input features @param out output features @param init weight initialiser */
    public Dense(int in, int out, Init init) {
        weight = param("weight", new Shape(out, in), init);
        bias = param("bias", new Shape(out), Init.ZEROS);
    }

    /** Maps {@code x (..., in)} to {@code (..., out)}. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        return Linear.linear(x, value(ps, weight, x, training), value(ps, bias, x, training))
                .singletonOrThrow();
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
