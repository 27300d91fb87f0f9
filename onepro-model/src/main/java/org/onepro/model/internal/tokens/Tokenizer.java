package org.onepro.model.internal.tokens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

import org.onepro.model.internal.nn.Conv;
import org.onepro.model.internal.nn.Grids;
import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;

/**
 * Turns one encoder level into tokens: {@code e[l] = Proj_l(f[l]) + PE_l} with a 1x1 conv and the
 * shared Fourier encoding of the level's cell centres (docs/model-contract.md §3.2).
 */
public final class Tokenizer extends ParamBlock {

    private final Conv proj;
    private final FourierEncoding positions;

    /**
     * @param channels encoder channels at this level
     * @param dim token width D
     * @param positions the model's shared positional encoding
     */
    public Tokenizer(int channels, int dim, FourierEncoding positions) {
        this.proj = addChildBlock("proj", new Conv(channels, dim, 1, 1, Init.LECUN));
        this.positions = positions;
    }

    /** Tokens {@code (b, f*f, D)} of a feature map {@code (b, c, f, f)}. */
    public NDArray apply(ParameterStore ps, NDArray features, boolean training) {
        NDArray tokens = Grids.toTokens(proj.apply(ps, features, training));
        int side = Math.toIntExact(features.getShape().get(2));
        return tokens.add(positions.grid(ps, tokens, side, training));
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
