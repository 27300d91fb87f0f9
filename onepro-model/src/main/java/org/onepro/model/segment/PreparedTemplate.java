package org.onepro.model.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.internal.TemplateFeatures;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.prompt.PromptBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A prompted template whose encoder features and prompt embeddings were computed once; each
 * {@link #segment} call runs only the query encoder, the Former and the head. Queries are always other images
 * than the template as far as the model knows (their encoder sees no prompt), even when the same image is
 * passed: segmenting the prompted image itself is {@link Segmenter#interactive}. Holds native memory until
 * closed.
 */
public final class PreparedTemplate implements AutoCloseable {

    private final Segmenter owner;
    private final NDManager manager;
    private final Image template;
    private final TemplateFeatures features;

    PreparedTemplate(Segmenter owner, Image template, InputEncoder.EncodedTemplate encoded) {
        this.owner = owner;
        this.template = template;
        this.manager = owner.manager().newSubManager();
        try {
            int s = owner.config().inputSize();
            // Only the Former inputs are kept; the template encoder's intermediates go with the scratch scope.
            try (NDManager scratch = manager.newSubManager()) {
                NDArray image = scratch.create(encoded.image().pixels(),
                        new Shape(1, owner.config().imageChannels(), s, s));
                PromptBatch prompt = PromptBatch.of(scratch, List.of(encoded.prompt()));
                features = owner.model().encodeTemplate(owner.parameters(), image, prompt, false);
                for (NDArray a : features.all()) {
                    a.attach(manager);
                }
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Segments one query image (any size; grey or RGB like the template). */
    public SegmentationResult segment(Image query) {
        return segment(List.of(query)).get(0);
    }

    /** Segments several queries in one batch; results are in the order of the queries. */
    public List<SegmentationResult> segment(List<Image> queries) {
        if (queries == null || queries.isEmpty()) {
            throw new InvalidInputException("at least one query image is required");
        }
        List<InputEncoder.EncodedImage> images = new ArrayList<>();
        for (Image q : queries) {
            if (q == null) {
                throw new InvalidInputException("query image is required");
            }
            if (q.channels() != template.channels()) {
                throw new InvalidInputException("the template has " + template.channels()
                        + " channel(s) but a query has " + q.channels() + ": template and queries must match");
            }
            images.add(owner.inputs().encodeImage(q));
        }
        OnePromptConfig config = owner.config();
        int s = config.inputSize();
        int c = config.imageChannels();
        int plane = s * s;
        float[] pixels = new float[images.size() * c * plane];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i).pixels(), 0, pixels, i * c * plane, c * plane);
        }
        ModelOutputs.Batch out;
        owner.lock().lock();
        try {
            owner.ensureOpen();
            if (!manager.isOpen()) {
                throw new IllegalStateException("this prepared template is closed");
            }
            try (NDManager call = manager.newSubManager()) {
                for (NDArray a : features.all()) {
                    a.tempAttach(call);
                }
                long b = images.size();
                NDArray query = call.create(pixels, new Shape(b, c, s, s));
                NDArray noPrompt = call.zeros(new Shape(b, 2, s, s));
                out = ModelOutputs.read(owner.model().decode(owner.parameters(), query, noPrompt, features, false));
            }
        } finally {
            owner.lock().unlock();
        }
        List<SegmentationResult> results = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            results.add(out.result(i, images.get(i).geometry()));
        }
        return results;
    }

    /** Frees the cached template features. */
    @Override
    public void close() {
        owner.closeScope(manager);
    }
}
