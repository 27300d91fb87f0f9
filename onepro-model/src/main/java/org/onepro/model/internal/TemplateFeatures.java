package org.onepro.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What the model computes from a prompted template, once, for any number of queries: template
 * tokens, the two prompt embeddings, the template's prompt raster per Former level (deepest
 * first), its prompt channels pooled to every stride of the output head (the pasted prompt) and, for the head's
 * refinement stage, the template image and prompt channels at full resolution. Its arrays belong to the manager
 * they were computed in.
 */
public final class TemplateFeatures {

    private final NDList tokens;
    private final NDList embeddings;
    private final NDList rasters;
    private final NDList pasted;
    private final NDList fullResolution;

    TemplateFeatures(NDList tokens, NDList embeddings, NDList rasters, NDList pasted, NDList fullResolution) {
        this.tokens = tokens;
        this.embeddings = embeddings;
        this.rasters = rasters;
        this.pasted = pasted;
        this.fullResolution = fullResolution;
    }

    /** Template tokens {@code e_t} at Former level {@code i}. */
    public NDArray tokens(int i) {
        return tokens.get(i);
    }

    /** Prompt embedding {@code p1} ({@code part = 0}) or {@code p2} at Former level {@code i}. */
    public NDArray embedding(int i, int part) {
        return embeddings.get(2 * i + part);
    }

    /** Prompt raster {@code (b, N, 1)} at Former level {@code i}, scaled to a maximum of 1. */
    public NDArray raster(int i) {
        return rasters.get(i);
    }

    /**
     * The template's prompt channels pooled to every output-head stride, coarsest first ({@code
     * OutputHead.pastedPyramid}); empty when the model has no pasted prompt.
     */
    public NDList pasted() {
        return pasted;
    }

    /**
     * The template images {@code (b, C, s, s)} and their prompt channels {@code (b, 2, s, s)}, for the head's
     * refinement stage; empty when the model has none.
     */
    public NDList fullResolution() {
        return fullResolution;
    }

    /** Batch size of the template side. */
    public long batchSize() {
        return tokens.get(0).getShape().get(0);
    }

    /** Every array, for moving to another manager. */
    public NDList all() {
        NDList all = new NDList();
        all.addAll(tokens);
        all.addAll(embeddings);
        all.addAll(rasters);
        all.addAll(pasted);
        all.addAll(fullResolution);
        return all;
    }

    /** Repeats a batch-1 template over {@code b} queries; other sizes must already match. */
    public TemplateFeatures broadcastTo(long b) {
        long own = batchSize();
        if (own == b) {
            return this;
        }
        if (own != 1) {
            throw new IllegalArgumentException("template batch " + own + " does not match query batch " + b);
        }
        return new TemplateFeatures(repeat(tokens, b), repeat(embeddings, b), repeat(rasters, b),
                repeat(pasted, b), repeat(fullResolution, b));
    }

    private static NDList repeat(NDList list, long b) {
        NDList out = new NDList();
        for (NDArray a : list) {
            out.add(a.repeat(0, b));
        }
        return out;
    }
}
