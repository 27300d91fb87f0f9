package org.onepro.model.internal.former;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.onepro.model.config.MaskingMode;
import org.onepro.model.config.PromptingMode;
import org.onepro.model.internal.nn.Conv;
import org.onepro.model.internal.nn.Dense;
import org.onepro.model.internal.nn.Grids;
import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;
import org.onepro.model.internal.nn.Scalars;
import org.onepro.model.internal.nn.TokenNorm;

/**
 * The Prompt-Parser (paper eqs. 1-3, docs/model-contract.md §4) at one level of N tokens.
 *
 * <ol>
 *   <li>{@code e_tq = e_t ⊙ (p1 + p2 + e_q)} (eq. 1).
 *   <li>Prompting: {@code Z} from {@code e_t, p1, p2} (stack-MLP by default: a learned N x 3N
 *       token-mixing map, then GELU), and {@code M = Z e_qᵀ / sqrt(D)}, {@code (b, N, N)}: rows are
 *       template tokens, columns query tokens (eq. 2).
 *   <li>Masking: a 3x3 conv over M viewed as an N-channel image on the query grid gives a gain α
 *       and a spread σ; {@link GaussianMasking} spreads {@code e_tq} (eq. 3).
 *   <li>Output {@code LN(e_G ⊙ e_t)}.
 * </ol>
 *
 * <p>It also returns the prompt prior of §8.2: {@code softmax over template tokens (Mᵀ/τ) · r},
 * the prompt's activation carried onto every query token.
 */
public final class PromptParser extends ParamBlock {

    private final int tokens;
    private final int dim;
    private final PromptingMode prompting;
    private final MaskingMode masking;
    private final Dense mix;
    private final Conv maskConv;
    private final TokenNorm outNorm;
    private final Parameter logTemperature;

    /**
     * @param tokens N, the level's token count
     * @param dim D
     * @param prompting prompting step
     * @param masking masking step
     */
    public PromptParser(int tokens, int dim, PromptingMode prompting, MaskingMode masking) {
        this.tokens = tokens;
        this.dim = dim;
        this.prompting = prompting;
        this.masking = masking;
        switch (prompting) {
            case STACK_MLP:
                mix = addChildBlock("tokenMix", new Dense(3 * tokens, tokens, Init.TOKEN_MIX));
                break;
            case CONCAT:
                mix = addChildBlock("channelMix", new Dense(3 * dim, dim, Init.LECUN));
                break;
            default:
                mix = null;
        }
        maskConv = addChildBlock("maskConv", new Conv(tokens, 2, 3, 1, Init.LECUN));
        outNorm = addChildBlock("outNorm", new TokenNorm(dim));
        logTemperature = param("logTemperature", new Shape(1), Init.ZEROS);
    }

    /**
     * @param et template tokens {@code (b, N, D)}
     * @param eq query tokens {@code (b, N, D)}
     * @param p1 first prompt embedding {@code (b, N, D)}
     * @param p2 second prompt embedding {@code (b, N, D)}
     * @param r the template's prompt raster on the level grid {@code (b, N, 1)}, in [0, 1]
     * @return {@code [output (b, N, D), prior (b, N, 1)]}
     */
    public NDList apply(ParameterStore ps, NDArray et, NDArray eq, NDArray p1, NDArray p2, NDArray r,
            boolean training) {
        NDArray etq = et.mul(p1.add(p2).add(eq));
        NDArray z = prompt(ps, et, p1, p2, training);
        NDArray m = z.matMul(eq.transpose(0, 2, 1)).mul(Scalars.of(z, (float) (1 / Math.sqrt(dim))));
        NDArray spread = Grids.toTokens(mask(ps, m, Grids.toMap(etq), training));
        NDArray out = outNorm.apply(ps, spread.mul(et), training);
        // Start from an array of m's manager: a parameter-first op would put the result in the model's manager.
        NDArray temperature = Scalars.of(m, 0f).add(value(ps, logTemperature, m, training)).exp();
        NDArray prior = m.transpose(0, 2, 1).div(temperature).softmax(2).matMul(r);
        return new NDList(out, prior);
    }

    /** The prompting step: Z {@code (b, N, D)}. */
    NDArray prompt(ParameterStore ps, NDArray et, NDArray p1, NDArray p2, boolean training) {
        switch (prompting) {
            case STACK_MLP:
                NDArray stacked = et.concat(p1, 1).concat(p2, 1).transpose(0, 2, 1);
                return Activation.gelu(mix.apply(ps, stacked, training).transpose(0, 2, 1));
            case CONCAT:
                return mix.apply(ps, et.concat(p1, 2).concat(p2, 2), training);
            case ADD:
                return et.add(p1).add(p2);
            default:
                throw new IllegalStateException("unknown prompting mode " + prompting);
        }
    }

    /** The masking step on {@code etq} as a map {@code (b, D, F, F)}, driven by M. */
    NDArray mask(ParameterStore ps, NDArray m, NDArray etqMap, boolean training) {
        Shape s = etqMap.getShape();
        NDArray mMap = m.reshape(s.get(0), tokens, s.get(2), s.get(3));
        NDArray c = maskConv.apply(ps, mMap, training);
        NDArray c0 = c.get(":, 0:1");
        switch (masking) {
            case GAUSSIAN:
                NDArray alpha = Activation.sigmoid(c0);
                NDArray sigma = Activation.softPlus(c.get(":, 1:2")).add(0.25f);
                return GaussianMasking.apply(etqMap, alpha, sigma);
            case ADD:
                return etqMap.add(c0);
            case BINARY:
                NDArray soft = Activation.sigmoid(c0);
                NDArray hard = c0.gt(0f).toType(soft.getDataType(), false);
                return etqMap.mul(soft.add(hard.sub(soft).stopGradient()));
            case NORM:
                long b = s.get(0);
                NDArray flat = c0.reshape(b, -1);
                NDArray min = flat.min(new int[] {1}, true).reshape(b, 1, 1, 1);
                NDArray max = flat.max(new int[] {1}, true).reshape(b, 1, 1, 1);
                return etqMap.mul(c0.sub(min).div(max.sub(min).add(1e-6f)));
            default:
                throw new IllegalStateException("unknown masking mode " + masking);
        }
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList in, boolean training) {
        return apply(ps, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), training);
    }
}
