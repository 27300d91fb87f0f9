package org.onepro.model.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.result.EnsembleResult;
import org.onepro.model.internal.ImageFeatures;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.TemplateFeatures;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.prompt.EncodedPrompt;
import org.onepro.model.internal.prompt.PromptBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A template ensemble whose templates were encoded once: each {@link #segment} call encodes the query once and
 * runs only the Former and the head per template (in batches of {@link Segmenter#ENSEMBLE_BATCH}), so segmenting
 * many queries with R templates costs one query encoding plus R cheap decodes each, instead of R template
 * encodings per query as {@link Segmenter#segment(Image, List)} needs. The result equals that call's.
 *
 * <p>Only the templates' Former inputs are kept (tokens, prompt embeddings and prompt rasters, a few hundred KB
 * per template for {@code small}), not their encoder intermediates. Holds native memory until closed.
 */
public final class PreparedEnsemble implements AutoCloseable {

    private final Segmenter owner;
    private final NDManager manager;
    private final int channels;
    private final int size;
    private final List<TemplateFeatures> chunks = new ArrayList<>();

    PreparedEnsemble(Segmenter owner, List<PromptedTemplate> templates) {
        if (templates == null || templates.isEmpty()) {
            throw new InvalidInputException("at least one prompted template is required");
        }
        List<InputEncoder.EncodedTemplate> encoded = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            PromptedTemplate t = templates.get(i);
            if (t == null) {
                throw new InvalidInputException("prompted template " + i + " is missing");
            }
            if (t.template().channels() != templates.get(0).template().channels()) {
                throw new InvalidInputException("template " + i + " has " + t.template().channels()
                        + " channel(s) but template 0 has " + templates.get(0).template().channels());
            }
            encoded.add(owner.inputs().encodeTemplate(owner.inputs().encodeImage(t.template()), t.prompt()));
        }
        this.owner = owner;
        this.channels = templates.get(0).template().channels();
        this.size = templates.size();
        owner.lock().lock();
        try {
            owner.ensureOpen();
            this.manager = owner.manager().newSubManager();
            try {
                for (int start = 0; start < encoded.size(); start += Segmenter.ENSEMBLE_BATCH) {
                    chunks.add(encodeChunk(encoded.subList(start, Math.min(encoded.size(),
                            start + Segmenter.ENSEMBLE_BATCH))));
                }
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        } finally {
            owner.lock().unlock();
        }
    }

    /** Encodes templates in a scratch scope and keeps only their Former inputs. */
    private TemplateFeatures encodeChunk(List<InputEncoder.EncodedTemplate> chunk) {
        OnePromptConfig config = owner.config();
        int s = config.inputSize();
        int c = config.imageChannels();
        int plane = c * s * s;
        float[] pixels = new float[chunk.size() * plane];
        List<EncodedPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            System.arraycopy(chunk.get(i).image().pixels(), 0, pixels, i * plane, plane);
            prompts.add(chunk.get(i).prompt());
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray images = scratch.create(pixels, new Shape(chunk.size(), c, s, s));
            TemplateFeatures f = owner.model().encodeTemplate(owner.parameters(), images,
                    PromptBatch.of(scratch, prompts), false);
            for (NDArray a : f.all()) {
                a.attach(manager);
            }
            return f;
        }
    }

    /** How many templates the ensemble holds. */
    public int size() {
        return size;
    }

    /**
     * Segments one query with every template: mean probability, its mask at 0.5, per-pixel variance and mean
     * predicted IoU, at the query's own size.
     *
     * @throws InvalidInputException for a missing query or one whose channel count differs from the templates'
     * @throws IllegalStateException if the ensemble or its segmenter is closed
     */
    public EnsembleResult segment(Image query) {
        if (query == null) {
            throw new InvalidInputException("query image is required");
        }
        if (query.channels() != channels) {
            throw new InvalidInputException("the templates have " + channels + " channel(s) but the query has "
                    + query.channels() + ": templates and query must match");
        }
        InputEncoder.EncodedImage q = owner.inputs().encodeImage(query);
        OnePromptConfig config = owner.config();
        int s = config.inputSize();
        int plane = s * s;
        EnsembleResult.Builder result = EnsembleResult.builder(query.height(), query.width());
        OnePromptModel model = owner.model();
        owner.lock().lock();
        try {
            owner.ensureOpen();
            if (!manager.isOpen()) {
                throw new IllegalStateException("this prepared ensemble is closed");
            }
            try (NDManager call = manager.newSubManager()) {
                NDArray pixels = call.create(q.pixels(), new Shape(1, config.imageChannels(), s, s));
                ImageFeatures features = model.encodeImage(owner.parameters(), pixels,
                        call.zeros(new Shape(1, 2, s, s)), false);
                for (TemplateFeatures chunk : chunks) {
                    ModelOutputs.Batch out;
                    try (NDManager step = call.newSubManager()) {
                        // Borrowed, so the chunk's results land in the step's scope and not in the kept arrays'.
                        for (NDArray a : chunk.all()) {
                            a.tempAttach(step);
                        }
                        for (NDArray a : features.all()) {
                            a.tempAttach(step);
                        }
                        out = ModelOutputs.read(model.decode(owner.parameters(), features, chunk, false));
                    }
                    for (int i = 0; i < out.size(); i++) {
                        result.add(out.map(i, q.geometry()), out.ious()[i]);
                    }
                }
            }
        } finally {
            owner.lock().unlock();
        }
        return result.build();
    }

    /** Frees the kept template features; closing twice is harmless. */
    @Override
    public void close() {
        owner.closeScope(manager);
    }
}
