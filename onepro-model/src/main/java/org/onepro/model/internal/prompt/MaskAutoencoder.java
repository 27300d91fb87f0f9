package org.onepro.model.internal.prompt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

import org.onepro.model.internal.nn.Conv;
import org.onepro.model.internal.nn.ConvUnit;
import org.onepro.model.internal.nn.Grids;
import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * The SegLab prompt's mask autoencoder (paper §2.1: "a pre-trained autoencoder"). Its encoder gives
 * one feature map per level (strides 2, 4, ...); its decoder reconstructs the mask and exists so the
 * encoder can be pre-trained on the training masks before the main model is trained.
 */
public final class MaskAutoencoder extends ParamBlock {

    private final List<Conv> downs = new ArrayList<>();
    private final List<ConvUnit> encodeUnits = new ArrayList<>();
    private final List<ConvUnit> decodeUnits = new ArrayList<>();
    private final Conv toLogits;

    /** @param widths channels per level */
    public MaskAutoencoder(List<Integer> widths) {
        int previous = 1;
        for (int i = 0; i < widths.size(); i++) {
            downs.add(addChildBlock("down" + i, new Conv(previous, widths.get(i), 2, 2, Init.HE)));
            encodeUnits.add(addChildBlock("enc" + i, new ConvUnit(widths.get(i), widths.get(i))));
            previous = widths.get(i);
        }
        for (int i = widths.size() - 2; i >= 0; i--) {
            decodeUnits.add(addChildBlock("dec" + i, new ConvUnit(widths.get(i + 1) + widths.get(i), widths.get(i))));
        }
        toLogits = addChildBlock("logits", new Conv(widths.get(0), 4, 1, 1, Init.LECUN));
    }

    /** Feature maps of a mask {@code (b, 1, s, s)} with values in [0, 1], finest first. */
    public NDList encode(ParameterStore ps, NDArray mask, boolean training) {
        NDList features = new NDList();
        NDArray h = mask;
        for (int i = 0; i < downs.size(); i++) {
            h = encodeUnits.get(i).apply(ps, downs.get(i).apply(ps, h, training), training);
            features.add(h);
        }
        return features;
    }

    /** Reconstruction logits {@code (b, 1, s, s)} from {@link #encode}'s features. */
    public NDArray decode(ParameterStore ps, NDList features, boolean training) {
        NDArray h = features.get(features.size() - 1);
        for (int k = 0; k < decodeUnits.size(); k++) {
            NDArray skip = features.get(features.size() - 2 - k);
            h = decodeUnits.get(k).apply(ps, Grids.upsample(h, 2).concat(skip, 1), training);
        }
        return Grids.pixelShuffle(toLogits.apply(ps, h, training), 2);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(decode(ps, encode(ps, inputs.singletonOrThrow(), training), training));
    }
}
