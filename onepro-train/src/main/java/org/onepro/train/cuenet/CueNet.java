package org.onepro.train.cuenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import org.onepro.model.nn.Conv;
import org.onepro.model.nn.ConvUnit;
import org.onepro.model.nn.Grids;
import org.onepro.model.nn.Init;
import org.onepro.model.nn.ParamBlock;

/**
 * The cue network: a three-level U-Net from {@code in} channels to one logit map, widths {@code w, 2w, 4w}: a 2x2 patchify stem
 * puts the first level at stride 2 and four logits per stride-2 cell are pixel-shuffled back to full size, which
 * costs a quarter of a full-resolution first level.
 */
public final class CueNet extends ParamBlock {

    private final Conv stem;
    private final ConvUnit e0a;
    private final ConvUnit e0b;
    private final Conv d1;
    private final ConvUnit e1a;
    private final ConvUnit e1b;
    private final Conv d2;
    private final ConvUnit e2a;
    private final ConvUnit e2b;
    private final ConvUnit u1;
    private final ConvUnit u0;
    private final Conv head;

    public CueNet(int in, int w) {
        stem = addChildBlock("stem", new Conv(in, w, 2, 2, Init.HE));
        e0a = addChildBlock("e0a", new ConvUnit(w, w));
        e0b = addChildBlock("e0b", new ConvUnit(w, w));
        d1 = addChildBlock("d1", new Conv(w, 2 * w, 2, 2, Init.HE));
        e1a = addChildBlock("e1a", new ConvUnit(2 * w, 2 * w));
        e1b = addChildBlock("e1b", new ConvUnit(2 * w, 2 * w));
        d2 = addChildBlock("d2", new Conv(2 * w, 4 * w, 2, 2, Init.HE));
        e2a = addChildBlock("e2a", new ConvUnit(4 * w, 4 * w));
        e2b = addChildBlock("e2b", new ConvUnit(4 * w, 4 * w));
        u1 = addChildBlock("u1", new ConvUnit(6 * w, 2 * w));
        u0 = addChildBlock("u0", new ConvUnit(3 * w, w));
        head = addChildBlock("head", new Conv(w, 4, 1, 1, Init.ZEROS));
    }

    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray f0 = e0b.apply(ps, e0a.apply(ps, stem.apply(ps, x, training), training), training);
        NDArray f1 = e1b.apply(ps, e1a.apply(ps, d1.apply(ps, f0, training), training), training);
        NDArray f2 = e2b.apply(ps, e2a.apply(ps, d2.apply(ps, f1, training), training), training);
        NDArray g1 = u1.apply(ps, Grids.upsample(f2, 2).concat(f1, 1), training);
        NDArray g0 = u0.apply(ps, Grids.upsample(g1, 2).concat(f0, 1), training);
        return Grids.pixelShuffle(head.apply(ps, g0, training), 2);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
