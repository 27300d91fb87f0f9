package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/** Multi-head scaled dot-product attention: tokens of {@code q} attend to tokens of {@code kv}. */
public final class Attention extends ParamBlock {

    private final Dense toQ;
    private final Dense toK;
    private final Dense toV;
    private final Dense out;
    private final int heads;
    private final int headDim;

    /** @param dim token width d @param heads number of heads (must divide d) */
    public Attention(int dim, int heads) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("token width " + dim + " is not divisible by " + heads + " heads");
        }
        this.heads = heads;
        this.headDim = dim / heads;
        toQ = addChildBlock("q", new Dense(dim, dim, Init.LECUN));
        toK = addChildBlock("k", new Dense(dim, dim, Init.LECUN));
        toV = addChildBlock("v", new Dense(dim, dim, Init.LECUN));
        out = addChildBlock("out", new Dense(dim, dim, Init.LECUN));
    }

    /** {@code q (b, n, d)} attends to {@code kv (b, m, d)}; returns {@code (b, n, d)}. */
    public NDArray apply(ParameterStore ps, NDArray q, NDArray kv, boolean training) {
        long b = q.getShape().get(0);
        long n = q.getShape().get(1);
        long m = kv.getShape().get(1);
        NDArray qh = split(toQ.apply(ps, q, training), b, n);
        NDArray kh = split(toK.apply(ps, kv, training), b, m);
        NDArray vh = split(toV.apply(ps, kv, training), b, m);
        NDArray logits = qh.matMul(kh.transpose(0, 1, 3, 2)).mul(Scalars.of(q, (float) (1 / Math.sqrt(headDim))));
        NDArray mixed = logits.softmax(3).matMul(vh);
        return out.apply(ps, mixed.transpose(0, 2, 1, 3).reshape(b, n, (long) heads * headDim), training);
    }

    private NDArray split(NDArray x, long b, long n) {
        return x.reshape(b, n, heads, headDim).transpose(0, 2, 1, 3);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
    }
}
