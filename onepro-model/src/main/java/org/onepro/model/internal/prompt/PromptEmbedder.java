package org.onepro.model.internal.prompt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.nn.Conv;
import org.onepro.model.internal.nn.Grids;
import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;
import org.onepro.model.internal.tokens.FourierEncoding;

import java.util.ArrayList;
import java.util.List;

/**
 * The two prompt embeddings {@code p1, p2} per Former level (paper §2.1, docs/model-contract.md §3.3).
 *
 * <p>Sparse types (click, box, doodle): {@code p_k = E[type,k] + mean PE(points_k)} broadcast over
 * the level's tokens, plus {@code r_k[l] * F[type,k]} where {@code r_k[l]} is the part's raster
 * average-pooled to the level grid; a missing part uses the learned "absent" vector instead. SegLab:
 * the mask autoencoder's features at the level, projected to D, serve as both {@code p1} and
 * {@code p2}. One batch may mix prompt types.
 */
public final class PromptEmbedder extends ParamBlock {

    private final Parameter typeEmbedding;
    private final Parameter absentEmbedding;
    private final Parameter rasterEmbedding;
    private final MaskAutoencoder maskAutoencoder;
    private final List<Conv> maskProjections = new ArrayList<>();
    private final FourierEncoding positions;
    private final OnePromptConfig config;

    /**
     * @param config the model config
     * @param positions the model's shared positional encoding
     */
    public PromptEmbedder(OnePromptConfig config, FourierEncoding positions) {
        this.config = config;
        this.positions = positions;
        int d = config.tokenDim();
        int types = PromptBatch.TYPES;
        typeEmbedding = param("type", new Shape(types, 2 * d), Init.SMALL);
        absentEmbedding = param("absent", new Shape(types, 2 * d), Init.SMALL);
        rasterEmbedding = param("raster", new Shape(types, 2 * d), Init.SMALL);
        maskAutoencoder = addChildBlock("maskAutoencoder", new MaskAutoencoder(config.maskEncoderWidths()));
        for (int stride : config.formerStrides()) {
            int width = config.maskEncoderWidths().get(OnePromptConfig.levelOfStride(stride));
            maskProjections.add(addChildBlock("maskProj" + stride, new Conv(width, d, 1, 1, Init.LECUN)));
        }
    }

    /** The SegLab mask autoencoder (pre-trained in its own stage). */
    public MaskAutoencoder maskAutoencoder() {
        return maskAutoencoder;
    }

    /**
     * Embeds a prompt batch. Returns, for each Former level (deepest first), two arrays {@code p1,
     * p2} of shape {@code (b, N_l, D)}: the list is {@code [p1_0, p2_0, p1_1, p2_1, ...]}.
     */
    public NDList apply(ParameterStore ps, PromptBatch prompt, boolean training) {
        NDArray types = prompt.types();
        long b = types.getShape().get(0);
        int d = config.tokenDim();
        NDArray typeVec = types.matMul(value(ps, typeEmbedding, types, training)).reshape(b, 2, d);
        NDArray absentVec = types.matMul(value(ps, absentEmbedding, types, training)).reshape(b, 2, d);
        NDArray rasterVec = types.matMul(value(ps, rasterEmbedding, types, training)).reshape(b, 2, d);
        NDArray pointVec = prompt.pooling().matMul(positions.encode(ps, prompt.points(), training));
        NDArray present = prompt.present();
        NDArray global = typeVec.add(pointVec).mul(present).add(absentVec.mul(present.neg().add(1f)));

        NDList masks = prompt.hasSegLab() ? maskAutoencoder.encode(ps, prompt.mask(), training) : null;
        NDArray segLab = prompt.isSegLab();
        NDArray sparseGate = segLab.neg().add(1f);
        NDList out = new NDList();
        for (int i = 0; i < config.formerStrides().size(); i++) {
            int stride = config.formerStrides().get(i);
            NDArray pooled = Grids.toTokens(Grids.downsample(prompt.partRasters(), stride));
            for (int k = 0; k < 2; k++) {
                NDArray rk = pooled.get(":, :, {}:{}", k, k + 1);
                NDArray gk = global.get(":, {}:{}, :", k, k + 1);
                NDArray fk = rasterVec.get(":, {}:{}, :", k, k + 1);
                NDArray sparse = rk.mul(fk).add(gk);
                if (masks != null) {
                    NDArray maskFeatures = masks.get(OnePromptConfig.levelOfStride(stride));
                    NDArray maskTokens = Grids.toTokens(maskProjections.get(i).apply(ps, maskFeatures, training));
                    sparse = sparse.mul(sparseGate).add(maskTokens.mul(segLab));
                }
                out.add(sparse);
            }
        }
        return out;
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return apply(ps, PromptBatch.fromList(inputs), training);
    }
}
