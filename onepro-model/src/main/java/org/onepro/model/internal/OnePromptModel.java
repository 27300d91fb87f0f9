package org.onepro.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.encoder.UNetEncoder;
import org.onepro.model.internal.former.OnePromptFormerBlock;
import org.onepro.model.internal.head.OutputHead;
import org.onepro.model.internal.nn.Grids;
import org.onepro.model.internal.nn.ParamBlock;
import org.onepro.model.internal.nn.SeededInitializer;
import org.onepro.model.internal.prompt.PromptBatch;
import org.onepro.model.internal.prompt.PromptEmbedder;
import org.onepro.model.internal.tokens.FourierEncoding;
import org.onepro.model.internal.tokens.Tokenizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The One-Prompt model (paper Fig. 2), assembled from its config: a shared {@link UNetEncoder},
 * per-level {@link Tokenizer}s, the {@link PromptEmbedder}, {@link OnePromptFormerBlock}s from the
 * deepest Former level to the finest, and the {@link OutputHead}.
 *
 * <p>Like segment-anything, the work splits in two: {@link #encodeTemplate} (template encoder,
 * tokens and prompt embeddings, computed once per prompted template) and {@link #decode} (query
 * encoder, Former and head, run per query). {@link #forward} chains both. The query side splits once
 * more: {@link #encodeImage} (encoder and tokens, once per query) and the Former and head, so one
 * query can meet many templates without being encoded again.
 *
 * <p>Generic forward inputs: {@code [query (b,C,s,s), queryPromptChannels (b,2,s,s), template
 * (b,C,s,s), the 8 arrays of PromptBatch]}; outputs {@code [logits (b,1,s,s), iou (b,1)]}.
 */
public final class OnePromptModel extends ParamBlock {

    private final OnePromptConfig config;
    private final UNetEncoder encoder;
    private final FourierEncoding positions;
    private final List<Tokenizer> tokenizers = new ArrayList<>();
    private final PromptEmbedder prompts;
    private final List<List<OnePromptFormerBlock>> blocks = new ArrayList<>();
    private final OutputHead head;

    /** Builds an uninitialised model; see {@link #initialize(NDManager, long)}. */
    public OnePromptModel(OnePromptConfig config) {
        this.config = config;
        int in = config.imageChannels() + (config.promptChannels() ? 2 : 0);
        encoder = addChildBlock("encoder", new UNetEncoder(in, config.encoderWidths()));
        positions = addChildBlock("positions", new FourierEncoding(config.tokenDim()));
        for (int stride : config.formerStrides()) {
            int width = config.encoderWidths().get(OnePromptConfig.levelOfStride(stride));
            tokenizers.add(addChildBlock("tokens" + stride, new Tokenizer(width, config.tokenDim(), positions)));
        }
        prompts = addChildBlock("prompts", new PromptEmbedder(config, positions));
        for (int stride : config.formerStrides()) {
            List<OnePromptFormerBlock> level = new ArrayList<>();
            for (int k = 0; k < config.blocksPerLevel(); k++) {
                level.add(addChildBlock("former" + stride + "_" + k,
                        new OnePromptFormerBlock(config, config.tokens(stride))));
            }
            blocks.add(level);
        }
        head = addChildBlock("head", new OutputHead(config));
    }

    /** The config this model was built from. */
    public OnePromptConfig config() {
        return config;
    }

    /** The prompt embedder (its mask autoencoder is pre-trained on its own). */
    public PromptEmbedder promptEmbedder() {
        return prompts;
    }

    /** The Former blocks, per level, deepest first. */
    public List<List<OnePromptFormerBlock>> formerBlocks() {
        return blocks;
    }

    /**
     * Gives every parameter its first values, drawn from {@code seed} and the parameter's name, in
     * {@code manager} (which must outlive the model).
     */
    public void initialize(NDManager manager, long seed) {
        for (Pair<String, Parameter> p : getParameters()) {
            if (p.getValue().getInitializer() instanceof SeededInitializer) {
                ((SeededInitializer) p.getValue().getInitializer()).setSeed(mix(seed, p.getKey()));
            }
        }
        initialize(manager, DataType.FLOAT32, new Shape(1));
    }

    private static long mix(long seed, String name) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return h ^ (h >>> 29);
    }

    /** Parameter counts per top-level part (encoder, tokens, prompts, former, head). */
    public Map<String, Long> parameterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : getParameters()) {
            String part = partOf(p.getKey());
            counts.merge(part, p.getValue().getShape().size(), Long::sum);
        }
        return counts;
    }

    private static String partOf(String name) {
        String first = name.split("_")[0].replaceAll("^\\d+", "");
        if (first.startsWith("former")) {
            return "former";
        }
        if (first.startsWith("tokens")) {
            return "tokens";
        }
        return first;
    }

    /** Total number of parameter values. */
    public long parameterCount() {
        return parameterCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Encodes prompted templates.
     *
     * @param template images {@code (b, C, s, s)}
     * @param prompt their prompts, batch b
     */
    public TemplateFeatures encodeTemplate(ParameterStore ps, NDArray template, PromptBatch prompt, boolean training) {
        return encodeTemplate(ps, encodeImage(ps, template, prompt.channels(), training), prompt, training);
    }

    /**
     * Encodes prompted templates whose images were already encoded, with {@code prompt}'s own channels: the
     * tokens are taken from {@code image}, so only the prompt side is computed. Interactive use (query =
     * template) encodes the image once and passes it here and to {@link #decode(ParameterStore, ImageFeatures,
     * TemplateFeatures, boolean)}.
     *
     * @param image {@link #encodeImage} of the templates with {@code prompt.channels()} (or of any channels
     *     when the config has no encoder prompt channels)
     * @param prompt their prompts, the same batch as {@code image}
     */
    public TemplateFeatures encodeTemplate(ParameterStore ps, ImageFeatures image, PromptBatch prompt,
            boolean training) {
        NDList rasters = new NDList();
        long b = image.batchSize();
        NDArray foreground = prompt.channels().get(":, 0:1");
        for (int stride : config.formerStrides()) {
            NDArray r = Grids.toTokens(Grids.downsample(foreground, stride));
            NDArray peak = r.reshape(b, -1).max(new int[] {1}, true).reshape(b, 1, 1).add(1e-6f);
            rasters.add(r.div(peak));
        }
        NDList pasted = config.pastedPrompt() ? OutputHead.pastedPyramid(config, prompt.channels()) : new NDList();
        NDList full = config.refineStage() ? new NDList(image.image(), prompt.channels()) : new NDList();
        return new TemplateFeatures(image.tokenList(), prompts.apply(ps, prompt, training), rasters, pasted, full);
    }

    /**
     * Runs the shared encoder and the tokenizers on images with their encoder prompt channels: the part of
     * {@link #decode(ParameterStore, NDArray, NDArray, TemplateFeatures, boolean)} that depends on the query alone,
     * so one query can be encoded once for many templates.
     *
     * @param image images {@code (b, C, s, s)}
     * @param promptChannels their encoder prompt channels {@code (b, 2, s, s)}: zeros for a plain query (ignored
     *     when the config has none)
     */
    public ImageFeatures encodeImage(ParameterStore ps, NDArray image, NDArray promptChannels, boolean training) {
        NDList features = encoder.apply(ps, withPromptChannels(image, promptChannels), training);
        NDList tokens = new NDList();
        for (int i = 0; i < config.formerStrides().size(); i++) {
            int stride = config.formerStrides().get(i);
            tokens.add(tokenizers.get(i).apply(ps, features.get(OnePromptConfig.levelOfStride(stride)), training));
        }
        return new ImageFeatures(image, features, tokens);
    }

    /**
     * Segments queries against encoded templates.
     *
     * @param query images {@code (b, C, s, s)}
     * @param queryPromptChannels the query's own prompt channels {@code (b, 2, s, s)}: zeros, or in
     *     interactive mode (query = template) the template's prompt channels
     * @param template encoded templates, batch b or 1
     * @return {@code [logits (b, 1, s, s), predicted IoU (b, 1)]}
     */
    public NDList decode(ParameterStore ps, NDArray query, NDArray queryPromptChannels, TemplateFeatures template,
            boolean training) {
        return decode(ps, encodeImage(ps, query, queryPromptChannels, training), template, training);
    }

    /**
     * Segments encoded queries against encoded templates: the One-Prompt Former and the head. Either side may
     * have batch 1 and is then repeated to the other's batch, so one query encoded once meets a batch of
     * templates (template ensembles, segment-everything) and one template meets a batch of queries.
     *
     * @param query {@link #encodeImage} of the queries
     * @param template encoded templates
     * @return {@code [logits (b, 1, s, s), predicted IoU (b, 1)]} with b the larger batch
     */
    public NDList decode(ParameterStore ps, ImageFeatures query, TemplateFeatures template, boolean training) {
        long b = Math.max(query.batchSize(), template.batchSize());
        ImageFeatures q = query.broadcastTo(b);
        TemplateFeatures t = template.broadcastTo(b);
        NDArray state = null;
        NDList priors = new NDList();
        for (int i = 0; i < config.formerStrides().size(); i++) {
            NDArray eq = q.tokens(i);
            state = state == null ? eq : Grids.toTokens(Grids.upsample(Grids.toMap(state), 2));
            NDArray prior = null;
            for (OnePromptFormerBlock block : blocks.get(i)) {
                NDList out = block.apply(ps, state, eq, t.tokens(i), t.embedding(i, 0), t.embedding(i, 1),
                        t.raster(i), training);
                state = out.get(0);
                prior = out.get(1);
            }
            if (config.promptPrior()) {
                priors.add(prior);
            }
        }
        return head.apply(ps, state, q.levels(), priors, t.pasted(), q.image(), t.fullResolution(), training);
    }

    private NDArray withPromptChannels(NDArray image, NDArray channels) {
        long c = image.getShape().get(1);
        if (c != config.imageChannels()) {
            throw new IllegalArgumentException("model expects " + config.imageChannels() + " image channels, got " + c);
        }
        if (!config.promptChannels()) {
            return image;
        }
        return image.concat(channels, 1);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList in, boolean training) {
        PromptBatch prompt = PromptBatch.fromList(new NDList(in.subNDList(3)));
        TemplateFeatures t = encodeTemplate(ps, in.get(2), prompt, training);
        return decode(ps, in.get(0), in.get(1), t, training);
    }
}
