package org.onepro.model.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

import org.onepro.model.nn.Conv;
import org.onepro.model.nn.Grids;
import org.onepro.model.nn.Init;
import org.onepro.model.nn.ParamBlock;
import org.onepro.model.nn.Scalars;
import org.onepro.model.tokens.FourierEncoding;

/**
 * Carries the template's prompt to the query at stride 4, finer than any Former level: every query cell attends
 * to every template cell, keys and queries being the two images' stride-4 encoder features projected to the token
 * width plus the shared positional encoding, and takes the attention-weighted template prompt channels there.
 *
 * <p>Why: the Former meets the template at strides 32 to 8, where a target smaller than one token (the insula of
 * a far slice, about 74 grid pixels in two pieces) is lost between template and query (docs/design-decisions.md,
 * entry 21). At stride 4 such a target covers several cells. Because both sides carry the same positional
 * encoding, whose dot product peaks where two positions coincide, an untrained matcher already leans towards the
 * same place on the query (the pasted prompt, blurred) and training can move it to the cells that look alike.
 */
public final class FineMatcher extends ParamBlock {

    /** The stride the matcher works at. */
    public static final int STRIDE = 4;

    private final Conv toQuery;
    private final Conv toKey;
    private final FourierEncoding positions;
    private final int dim;

    /**
     * @param channels encoder channels at stride 4
     * @param dim width of keys and queries (the token width, which the positional encoding has)
     * @param positions the model's shared positional encoding
     */
    public FineMatcher(int channels, int dim, FourierEncoding positions) {
        this.toQuery = addChildBlock("query", new Conv(channels, dim, 1, 1, Init.LECUN));
        this.toKey = addChildBlock("key", new Conv(channels, dim, 1, 1, Init.LECUN));
        this.positions = positions;
        this.dim = dim;
    }

    /**
     * The template side, computed once per template: keys {@code (b, n, D)} and values {@code (b, n, 2)}, the
     * prompt channels average-pooled to the matcher's grid.
     *
     * @param features the template's encoder features at stride 4 {@code (b, c, f, f)}
     * @param promptChannels the template's prompt channels {@code (b, 2, s, s)}
     */
    public NDList template(ParameterStore ps, NDArray features, NDArray promptChannels, boolean training) {
        NDArray keys = embed(ps, toKey, features, training);
        NDArray values = Grids.toTokens(Grids.downsample(promptChannels, STRIDE));
        return new NDList(keys, values);
    }

    /**
     * The template's prompt carried to the query: {@code (b, 2, f, f)} at stride 4.
     *
     * @param features the query's encoder features at stride 4 {@code (b, c, f, f)}
     * @param template {@link #template} of the templates, the same batch
     */
    public NDArray match(ParameterStore ps, NDArray features, NDList template, boolean training) {
        NDArray queries = embed(ps, toQuery, features, training);
        NDArray logits = queries.matMul(template.get(0).transpose(0, 2, 1))
                .mul(Scalars.of(queries, (float) (1 / Math.sqrt(dim))));
        return Grids.toMap(logits.softmax(2).matMul(template.get(1)));
    }

    private NDArray embed(ParameterStore ps, Conv proj, NDArray features, boolean training) {
        NDArray tokens = Grids.toTokens(proj.apply(ps, features, training));
        int side = Math.toIntExact(features.getShape().get(2));
        return tokens.add(positions.grid(ps, tokens, side, training));
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList in, boolean training) {
        return new NDList(match(ps, in.get(0), template(ps, in.get(1), in.get(2), training), training));
    }
}
