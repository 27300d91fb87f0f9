package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * LayerNorm over the channels of each pixel of an NCHW map. Unlike BatchNorm it behaves the same at
 * batch 1 and in training; DJL has no GroupNorm, and this avoids two transposes per use.
 */
public final class ChannelNorm extends ParamBlock {

    private static final float EPS = 1e-5f;
    private final Parameter gain;
    private final Parameter shift;

    /** @param channels the number of channels normalised together */
    public ChannelNorm(int channels) {
        gain = param("gain", new Shape(1, channels, 1, 1), Init.ONES);
        shift = param("shift", new Shape(1, channels, 1, 1), Init.ZEROS);
    }

    /** Normalises {@code x (b, c, h, w)} over c. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray centred = x.sub(x.mean(new int[] {1}, true));
        NDArray var = centred.square().mean(new int[] {1}, true);
        NDArray normed = centred.div(var.add(EPS).sqrt());
        return normed.mul(value(ps, gain, x, training)).add(value(ps, shift, x, training));
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
