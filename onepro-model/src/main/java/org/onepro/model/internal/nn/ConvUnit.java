package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/** {@code conv3x3 -> channel norm -> GELU}: the unit the encoder, decoders and heads are built of. */
public final class ConvUnit extends ParamBlock {

    private final Conv conv;
    private final ChannelNorm norm;

    /** @param in input channels @param out output channels */
    public ConvUnit(int in, int out) {
        conv = addChildBlock("conv", new Conv(in, out, 3, 1, Init.HE));
        norm = addChildBlock("norm", new ChannelNorm(out));
    }

    /** Applies the unit to {@code x (b, in, h, w)}. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        return Activation.gelu(norm.apply(ps, conv.apply(ps, x, training), training));
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
