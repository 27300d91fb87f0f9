package org.onepro.model.internal.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

import org.onepro.model.internal.nn.Conv;
import org.onepro.model.internal.nn.ConvUnit;
import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * The contracting path of a U-Net, shared by query and template (paper Fig. 2a). A 2x2 patchify stem
 * brings the input to stride 2; every level then applies a 2x2 stride-2 conv (except the first) and
 * two {@link ConvUnit}s. Level {@code i} works at stride {@code 2^(i+1)}.
 */
public final class UNetEncoder extends ParamBlock {

    private final List<Conv> downs = new ArrayList<>();
    private final List<ConvUnit[]> units = new ArrayList<>();

    /**
     * @param inChannels image channels, plus two when the prompt enters the encoder (§8.1)
     * @param widths channels per level
     */
    public UNetEncoder(int inChannels, List<Integer> widths) {
        int previous = inChannels;
        for (int i = 0; i < widths.size(); i++) {
            int w = widths.get(i);
            downs.add(addChildBlock("down" + i, new Conv(previous, w, 2, 2, Init.HE)));
            units.add(new ConvUnit[] {
                addChildBlock("unit" + i + "a", new ConvUnit(w, w)),
                addChildBlock("unit" + i + "b", new ConvUnit(w, w))
            });
            previous = w;
        }
    }

    /** Returns one feature map per level, finest first, for {@code x (b, in, s, s)}. */
    public NDList apply(ParameterStore ps, NDArray x, boolean training) {
        NDList features = new NDList();
        NDArray h = x;
        for (int i = 0; i < downs.size(); i++) {
            h = downs.get(i).apply(ps, h, training);
            for (ConvUnit unit : units.get(i)) {
                h = unit.apply(ps, h, training);
            }
            features.add(h);
        }
        return features;
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return apply(ps, inputs.singletonOrThrow(), training);
    }
}
