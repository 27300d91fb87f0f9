package org.onepro.model.internal.former;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.nn.Attention;
import org.onepro.model.internal.nn.Dense;
import org.onepro.model.internal.nn.FeedForward;
import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;
import org.onepro.model.internal.nn.TokenNorm;

/**
 * One One-Prompt Former block (paper §2.2, Fig. 2b; docs/model-contract.md §3.4). Every sub-layer is
 * pre-norm with a residual.
 *
 * <pre>
 * query branch:    q1 = CA(e_q, s),  q2 = CA(q1, e_t)
 * template branch: t1 = PromptParser(e_t, e_q, p1, p2),  t2 = CA(t1, q1)
 * fusion:          f = CA(q2 + Prior(prior), t2),  f = f + SA(f),  s' = f + FFN(f)
 * </pre>
 *
 * <p>With the config's pasted prompt, {@code Prior} also reads the template's prompt raster {@code r}
 * at the same grid cells of the query: {@code Prior([prior, r])}.
 */
public final class OnePromptFormerBlock extends ParamBlock {

    private final TokenNorm[] norms = new TokenNorm[12];
    private final Attention queryToState;
    private final Attention queryToTemplate;
    private final PromptParser parser;
    private final Attention templateToQuery;
    private final Attention fusion;
    private final Attention self;
    private final FeedForward ffn;
    private final Dense priorEmbedding;
    private final boolean pasted;

    /**
     * @param config model config
     * @param tokens the level's token count N
     */
    public OnePromptFormerBlock(OnePromptConfig config, int tokens) {
        int d = config.tokenDim();
        pasted = config.pastedPrompt();
        for (int i = 0; i < norms.length; i++) {
            norms[i] = addChildBlock("norm" + i, new TokenNorm(d));
        }
        queryToState = addChildBlock("queryToState", new Attention(d, config.heads()));
        queryToTemplate = addChildBlock("queryToTemplate", new Attention(d, config.heads()));
        parser = addChildBlock("parser", new PromptParser(tokens, d, config.promptingMode(), config.maskingMode()));
        templateToQuery = addChildBlock("templateToQuery", new Attention(d, config.heads()));
        fusion = addChildBlock("fusion", new Attention(d, config.heads()));
        self = addChildBlock("self", new Attention(d, config.heads()));
        ffn = addChildBlock("ffn", new FeedForward(d, d * config.mlpRatio()));
        priorEmbedding = config.promptPrior() ? addChildBlock("prior",
                new Dense(config.pastedPrompt() ? 2 : 1, d, Init.LECUN)) : null;
    }

    /** The block's Prompt-Parser. */
    public PromptParser parser() {
        return parser;
    }

    /**
     * @param state the state tokens, already on this level's grid {@code (b, N, D)}
     * @param eq query tokens
     * @param et template tokens
     * @param p1 first prompt embedding
     * @param p2 second prompt embedding
     * @param r template prompt raster on the level grid {@code (b, N, 1)}
     * @return {@code [new state (b, N, D), prior (b, N, 1)]}
     */
    public NDList apply(ParameterStore ps, NDArray state, NDArray eq, NDArray et, NDArray p1, NDArray p2,
            NDArray r, boolean training) {
        NDArray q1 = eq.add(cross(ps, queryToState, eq, state, 0, training));
        NDArray q2 = q1.add(cross(ps, queryToTemplate, q1, et, 2, training));
        NDList parsed = parser.apply(ps, norm(ps, 4, et, training), norm(ps, 5, eq, training), p1, p2, r, training);
        NDArray t1 = et.add(parsed.get(0));
        NDArray prior = parsed.get(1);
        NDArray t2 = t1.add(cross(ps, templateToQuery, t1, q1, 6, training));
        NDArray fused = priorEmbedding == null ? q2 : q2.add(priorEmbedding.apply(ps, priorInput(prior, r), training));
        NDArray f = fused.add(cross(ps, fusion, fused, t2, 8, training));
        NDArray fn = norm(ps, 10, f, training);
        f = f.add(self.apply(ps, fn, fn, training));
        f = f.add(ffn.apply(ps, norm(ps, 11, f, training), training));
        return new NDList(f, prior);
    }

    /** The transferred prior, and with the pasted prompt also the raster itself (same grid as the query). */
    private NDArray priorInput(NDArray prior, NDArray r) {
        return pasted ? prior.concat(r, 2) : prior;
    }

    private NDArray cross(ParameterStore ps, Attention attention, NDArray q, NDArray kv, int normIndex,
            boolean training) {
        return attention.apply(ps, norm(ps, normIndex, q, training), norm(ps, normIndex + 1, kv, training), training);
    }

    private NDArray norm(ParameterStore ps, int i, NDArray x, boolean training) {
        return norms[i].apply(ps, x, training);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList in, boolean training) {
        return apply(ps, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), in.get(5), training);
    }
}
