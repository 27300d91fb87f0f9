package org.onepro.model.internal.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.nn.Conv;
import org.onepro.model.internal.nn.ConvUnit;
import org.onepro.model.internal.nn.Dense;
import org.onepro.model.internal.nn.Grids;
import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * The output head (docs/model-contract.md §3.5, §8.2, §8.4): a U-Net decoder from the Former's last state
 * up to stride 2, concatenating at every stride the query encoder feature and the prompt priors of
 * all Former levels, then a 1x1 conv to four logits per stride-2 cell and a pixel shuffle to the full
 * input resolution. A small MLP on the mean state predicts the mask's IoU.
 *
 * <p>With the config's pasted prompt, every stride also gets the template's two prompt channels,
 * average-pooled to that stride once per template ({@link #pastedPyramid}): where template and query are aligned (slices of one scan) the head
 * can follow the template's prompt directly, at a finer resolution than the Former's grids.
 *
 * <p>With the config's refinement stage, two small conv units at full input resolution read the decoder's last
 * features, the logits, the query image, the template image and the template's prompt channels, and a 1x1 conv
 * adds a correction to the logits. That conv starts at zero, so a model widened with the stage computes exactly
 * what it did before; the stage is where a boundary finer than a stride-2 cell, or a prompt that carries over
 * pixel for pixel between aligned images, can be followed (docs/design-decisions.md, entry 16).
 */
public final class OutputHead extends ParamBlock {

    private final OnePromptConfig config;
    private final int priorChannels;
    private final ConvUnit entry;
    private final List<ConvUnit[]> stages = new ArrayList<>();
    private final Conv toLogits;
    private final ConvUnit refineIn;
    private final ConvUnit refineMid;
    private final Conv refineOut;
    private final Dense iouHidden;
    private final Dense iouOut;

    /** @param config model config */
    public OutputHead(OnePromptConfig config) {
        this.config = config;
        this.priorChannels = (config.promptPrior() ? config.formerStrides().size() : 0)
                + (config.pastedPrompt() ? 2 : 0);
        int finest = config.finestFormerStride();
        int level = OnePromptConfig.levelOfStride(finest);
        int width = config.encoderWidths().get(level);
        entry = addChildBlock("entry", new ConvUnit(config.tokenDim() + width + priorChannels, width));
        int previous = width;
        for (int l = level - 1; l >= 0; l--) {
            int w = config.encoderWidths().get(l);
            stages.add(new ConvUnit[] {
                addChildBlock("stage" + l + "a", new ConvUnit(previous + w + priorChannels, w)),
                addChildBlock("stage" + l + "b", new ConvUnit(w, w))
            });
            previous = w;
        }
        toLogits = addChildBlock("logits", new Conv(previous, 4, 1, 1, Init.LECUN));
        // Parameter names carry the child's position, so blocks added later come last: older weights keep theirs.
        iouHidden = addChildBlock("iouHidden", new Dense(config.tokenDim(), config.tokenDim(), Init.HE));
        iouOut = addChildBlock("iouOut", new Dense(config.tokenDim(), 1, Init.LECUN));
        if (config.refineStage()) {
            int w = Math.max(4, config.encoderWidths().get(0) / 2);
            int in = previous + 1 + 2 * config.imageChannels() + 2;
            refineIn = addChildBlock("refineIn", new ConvUnit(in, w));
            refineMid = addChildBlock("refineMid", new ConvUnit(w, w));
            refineOut = addChildBlock("refineOut", new Conv(w, 1, 1, 1, Init.ZEROS));
        } else {
            refineIn = null;
            refineMid = null;
            refineOut = null;
        }
    }

    /**
     * @param state last Former state {@code (b, N, D)} at the finest Former stride
     * @param queryFeatures the query's encoder features, finest first
     * @param priors prompt priors {@code (b, N_l, 1)} per Former level, deepest first (empty when off)
     * @param pasted {@link #pastedPyramid} of the template's prompt channels, empty when the config has no pasted
     *     prompt
     * @param queryImage the query images {@code (b, C, s, s)} (read only by the refinement stage)
     * @param templateFull the template images {@code (b, C, s, s)} and prompt channels {@code (b, 2, s, s)} for
     *     the refinement stage, empty when the config has none
     * @return {@code [logits (b, 1, s, s), predicted IoU (b, 1)]}
     */
    public NDList apply(ParameterStore ps, NDArray state, NDList queryFeatures, NDList priors, NDList pasted,
            NDArray queryImage, NDList templateFull, boolean training) {
        int strides = stages.size() + 1;
        if (pasted.size() != (config.pastedPrompt() ? strides : 0)) {
            throw new IllegalArgumentException("the pasted prompt must come as one map per head stride (" + strides
                    + ") exactly when the config has pastedPrompt (" + config.pastedPrompt() + "), not " + pasted.size());
        }
        int stride = config.finestFormerStride();
        NDArray h = Grids.toMap(state);
        h = entry.apply(ps, withPriors(h.concat(queryFeatures.get(OnePromptConfig.levelOfStride(stride)), 1),
                priors, pastedAt(pasted, 0), stride), training);
        int k = 0;
        for (ConvUnit[] stage : stages) {
            stride /= 2;
            NDArray up = Grids.upsample(h, 2).concat(queryFeatures.get(OnePromptConfig.levelOfStride(stride)), 1);
            NDArray in = withPriors(up, priors, pastedAt(pasted, ++k), stride);
            h = stage[1].apply(ps, stage[0].apply(ps, in, training), training);
        }
        NDArray logits = Grids.pixelShuffle(toLogits.apply(ps, h, training), 2);
        if (refineIn != null) {
            // One concatenation: chaining them would copy the growing full-resolution map four times.
            NDArray in = NDArrays.concat(new NDList(Grids.upsample(h, 2), logits, queryImage, templateFull.get(0),
                    templateFull.get(1)), 1);
            NDArray r = refineMid.apply(ps, refineIn.apply(ps, in, training), training);
            logits = logits.add(refineOut.apply(ps, r, training));
        }
        NDArray pooled = state.mean(new int[] {1});
        NDArray iou = Activation.sigmoid(iouOut.apply(ps, Activation.gelu(iouHidden.apply(ps, pooled, training)),
                training));
        return new NDList(logits, iou);
    }

    /**
     * The template's prompt channels {@code (b, 2, s, s)} average-pooled to every stride the head decodes at,
     * coarsest first: computed once per template, reused for every query it meets.
     */
    public static NDList pastedPyramid(OnePromptConfig config, NDArray channels) {
        NDList maps = new NDList();
        for (int stride = config.finestFormerStride(); stride >= 2; stride /= 2) {
            maps.add(Grids.downsample(channels, stride));
        }
        return maps;
    }

    private static NDArray pastedAt(NDList pasted, int i) {
        return pasted.isEmpty() ? null : pasted.get(i);
    }

    private NDArray withPriors(NDArray map, NDList priors, NDArray pasted, int stride) {
        NDArray out = map;
        for (int i = 0; i < priors.size(); i++) {
            NDArray prior = Grids.toMap(priors.get(i));
            out = out.concat(Grids.upsample(prior, config.formerStrides().get(i) / stride), 1);
        }
        return pasted == null ? out : out.concat(pasted, 1);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList in, boolean training) {
        int levels = config.levels();
        NDList features = new NDList(in.subNDList(1, 1 + levels));
        int priorCount = config.promptPrior() ? config.formerStrides().size() : 0;
        NDList priors = new NDList(in.subNDList(1 + levels, 1 + levels + priorCount));
        int pastedCount = config.pastedPrompt() ? stages.size() + 1 : 0;
        int at = 1 + levels + priorCount;
        NDList pasted = new NDList(in.subList(at, at + pastedCount));
        NDArray queryImage = in.get(at + pastedCount);
        NDList full = new NDList(in.subNDList(at + pastedCount + 1));
        return apply(ps, in.get(0), features, priors, pasted, queryImage, full, training);
    }
}
