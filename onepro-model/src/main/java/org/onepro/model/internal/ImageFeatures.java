package org.onepro.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What the shared encoder makes of a batch of images (with their encoder prompt channels): the encoder feature
 * map of every level, finest first, the images themselves (for the head's full-resolution stage), and the tokens
 * {@code e = Proj(f) + PE} of every Former level, deepest first.
 * The query side of {@link OnePromptModel#decode(ai.djl.training.ParameterStore, ImageFeatures,
 * TemplateFeatures, boolean)} uses both; a template's tokens are the same tokens of its own image, which is why
 * an interactive call (query = template) can compute them once for both sides. Its arrays belong to the manager
 * they were computed in.
 */
public final class ImageFeatures {

    private final NDArray image;
    private final NDList levels;
    private final NDList tokens;

    ImageFeatures(NDArray image, NDList levels, NDList tokens) {
        this.image = image;
        this.levels = levels;
        this.tokens = tokens;
    }

    /** The encoded images {@code (b, C, s, s)}, without their prompt channels. */
    public NDArray image() {
        return image;
    }

    /** The encoder feature maps {@code (b, C_l, s / 2^(l+1), s / 2^(l+1))}, finest level first. */
    public NDList levels() {
        return levels;
    }

    /** Tokens {@code (b, N, D)} at Former level {@code i} (deepest first). */
    public NDArray tokens(int i) {
        return tokens.get(i);
    }

    /** Tokens of every Former level, deepest first. */
    NDList tokenList() {
        return tokens;
    }

    /** Batch size. */
    public long batchSize() {
        return levels.get(0).getShape().get(0);
    }

    /** Every array, for moving to another manager. */
    public NDList all() {
        NDList all = new NDList(image);
        all.addAll(levels);
        all.addAll(tokens);
        return all;
    }

    /**
     * Repeats a batch-1 encoding over {@code b} rows (one query against {@code b} templates); other sizes must
     * already match. The copies belong to the manager of this encoding's arrays, so attach them to a short-lived
     * manager first when the encoding outlives the call.
     */
    public ImageFeatures broadcastTo(long b) {
        long own = batchSize();
        if (own == b) {
            return this;
        }
        if (own != 1) {
            throw new IllegalArgumentException("image batch " + own + " does not match batch " + b);
        }
        return new ImageFeatures(image.repeat(0, b), repeat(levels, b), repeat(tokens, b));
    }

    private static NDList repeat(NDList list, long b) {
        NDList out = new NDList();
        for (NDArray a : list) {
            out.add(a.repeat(0, b));
        }
        return out;
    }
}
