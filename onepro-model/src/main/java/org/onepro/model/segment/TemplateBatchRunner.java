package org.onepro.model.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.internal.ImageFeatures;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.TemplateFeatures;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.prompt.EncodedPrompt;
import org.onepro.model.internal.prompt.PromptBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * Segments one query against many prompted templates with the query encoded once: the query's encoder features
 * live in one sub-manager for the whole run, and the templates go through the template encoder, Former and head
 * in chunks, each chunk in its own sub-manager, so native memory is bounded by one chunk whatever the number of
 * templates.
 *
 * <p>Interactive use, every prompt on the image itself, is its own entry point ({@link #runInteractive}): the image
 * then carries each prompt in its encoder's prompt channels, so its encoding differs per prompt and cannot be
 * shared; instead one encoder pass per prompt serves both the template side and the query side.
 *
 * <p>The model lock is taken per chunk and results are mapped back to the query's size outside it, so other
 * callers are not starved by a long run.
 */
final class TemplateBatchRunner {

    private final Segmenter owner;

    TemplateBatchRunner(Segmenter owner) {
        this.owner = owner;
    }

    /**
     * Runs every template against {@code query}, handing each result (at the query's size) and the template's
     * index to {@code each}, in template order.
     */
    void run(Image query, List<PromptedTemplate> templates, int batch, ObjIntConsumer<SegmentationResult> each) {
        validate(query, templates, batch);
        InputEncoder.EncodedImage encodedQuery = owner.inputs().encodeImage(query);
        Image lastTemplate = null;
        InputEncoder.EncodedImage lastEncoded = null;
        try (QuerySide side = new QuerySide(encodedQuery)) {
            for (int start = 0; start < templates.size(); start += batch) {
                int end = Math.min(templates.size(), start + batch);
                List<InputEncoder.EncodedTemplate> chunk = new ArrayList<>();
                for (PromptedTemplate t : templates.subList(start, end)) {
                    // Segment-everything passes one template image hundreds of times in a row: normalise it once.
                    // Only the latest is kept, so a long ensemble of distinct templates holds one at a time.
                    if (t.template() != lastTemplate) {
                        lastTemplate = t.template();
                        lastEncoded = owner.inputs().encodeImage(lastTemplate);
                    }
                    chunk.add(owner.inputs().encodeTemplate(lastEncoded, t.prompt()));
                }
                ModelOutputs.Batch out = side.runAgainstQuery(chunk);
                for (int i = 0; i < out.size(); i++) {
                    each.accept(out.result(i, encodedQuery.geometry()), start + i);
                }
            }
        }
    }

    /**
     * Segments an image, already encoded by its session, by each prompt on it (interactive use), handing each
     * result (at the image's size) and the prompt's index to {@code each}, in prompt order.
     */
    void runInteractive(InputEncoder.EncodedImage encoded, List<Prompt> prompts, int batch,
            ObjIntConsumer<SegmentationResult> each) {
        if (prompts == null || prompts.isEmpty()) {
            throw new InvalidInputException("at least one prompt is required");
        }
        checkBatch(batch);
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i) == null) {
                throw new InvalidInputException("prompt " + i + " is missing");
            }
        }
        try (QuerySide side = new QuerySide(encoded)) {
            for (int start = 0; start < prompts.size(); start += batch) {
                int end = Math.min(prompts.size(), start + batch);
                List<InputEncoder.EncodedTemplate> chunk = new ArrayList<>();
                for (Prompt p : prompts.subList(start, end)) {
                    chunk.add(owner.inputs().encodeTemplate(encoded, p));
                }
                ModelOutputs.Batch out = side.runInteractive(chunk);
                for (int i = 0; i < out.size(); i++) {
                    each.accept(out.interactiveResult(i, encoded.geometry(), prompts.get(start + i)), start + i);
                }
            }
        }
    }

    private static void checkBatch(int batch) {
        if (batch < 1) {
            throw new InvalidInputException("template batch size must be at least 1, got " + batch);
        }
    }

    private static void validate(Image query, List<PromptedTemplate> templates, int batch) {
        if (query == null) {
            throw new InvalidInputException("query image is required");
        }
        if (templates == null || templates.isEmpty()) {
            throw new InvalidInputException("at least one prompted template is required");
        }
        checkBatch(batch);
        for (int i = 0; i < templates.size(); i++) {
            PromptedTemplate t = templates.get(i);
            if (t == null) {
                throw new InvalidInputException("prompted template " + i + " is missing");
            }
            if (t.template().channels() != query.channels()) {
                throw new InvalidInputException("template " + i + " has " + t.template().channels()
                        + " channel(s) but the query has " + query.channels() + ": templates and query must match");
            }
        }
    }

    /**
     * The query's side of one run: its encoding on the model grid and, once a chunk needs them, its encoder
     * features, kept in a sub-manager of the segmenter until the run ends.
     */
    private final class QuerySide implements AutoCloseable {

        private final InputEncoder.EncodedImage query;
        private final NDManager manager;
        private ImageFeatures features;

        QuerySide(InputEncoder.EncodedImage query) {
            this.query = query;
            owner.lock().lock();
            try {
                owner.ensureOpen();
                this.manager = owner.manager().newSubManager();
            } finally {
                owner.lock().unlock();
            }
        }

        /** Templates of other images: the query is encoded on the first chunk and kept. */
        ModelOutputs.Batch runAgainstQuery(List<InputEncoder.EncodedTemplate> chunk) {
            OnePromptConfig config = owner.config();
            int s = config.inputSize();
            int c = config.imageChannels();
            OnePromptModel model = owner.model();
            owner.lock().lock();
            try {
                ensureOpen();
                if (features == null) {
                    features = keptEncoding(model, c, s);
                }
                try (NDManager call = manager.newSubManager()) {
                    // Results of ops on the kept query arrays would otherwise pile up in the run's manager.
                    for (NDArray a : features.all()) {
                        a.tempAttach(call);
                    }
                    NDArray images = call.create(stackPixels(chunk, c * s * s), new Shape(chunk.size(), c, s, s));
                    PromptBatch prompts = PromptBatch.of(call, prompts(chunk));
                    TemplateFeatures t = model.encodeTemplate(owner.parameters(), images, prompts, false);
                    return ModelOutputs.read(model.decode(owner.parameters(), features, t, false));
                }
            } finally {
                owner.lock().unlock();
            }
        }

        /**
         * Encodes the query (zero prompt channels) and keeps only the result: the encoder's intermediate arrays
         * live in a scratch manager that closes at once, not for the whole run.
         */
        private ImageFeatures keptEncoding(OnePromptModel model, int c, int s) {
            try (NDManager scratch = manager.newSubManager()) {
                NDArray pixels = scratch.create(query.pixels(), new Shape(1, c, s, s));
                ImageFeatures f = model.encodeImage(owner.parameters(), pixels, scratch.zeros(new Shape(1, 2, s, s)),
                        false);
                for (NDArray a : f.all()) {
                    a.attach(manager);
                }
                return f;
            }
        }

        /** Prompts on the image itself: one encoder pass on [image, prompt channels] serves both sides. */
        ModelOutputs.Batch runInteractive(List<InputEncoder.EncodedTemplate> chunk) {
            OnePromptConfig config = owner.config();
            int s = config.inputSize();
            int c = config.imageChannels();
            int plane = c * s * s;
            float[] pixels = new float[chunk.size() * plane];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(query.pixels(), 0, pixels, i * plane, plane);
            }
            OnePromptModel model = owner.model();
            owner.lock().lock();
            try {
                ensureOpen();
                try (NDManager call = manager.newSubManager()) {
                    NDArray images = call.create(pixels, new Shape(chunk.size(), c, s, s));
                    PromptBatch prompts = PromptBatch.of(call, prompts(chunk));
                    ImageFeatures f = model.encodeImage(owner.parameters(), images, prompts.channels(), false);
                    TemplateFeatures t = model.encodeTemplate(owner.parameters(), f, prompts, false);
                    return ModelOutputs.read(model.decode(owner.parameters(), f, t, false));
                }
            } finally {
                owner.lock().unlock();
            }
        }

        private void ensureOpen() {
            owner.ensureOpen();
            if (!manager.isOpen()) {
                throw new IllegalStateException("this segmenter was closed during the call");
            }
        }

        @Override
        public void close() {
            owner.lock().lock();
            try {
                if (manager.isOpen()) {
                    manager.close();
                }
            } finally {
                owner.lock().unlock();
            }
        }
    }

    private static float[] stackPixels(List<InputEncoder.EncodedTemplate> chunk, int plane) {
        float[] out = new float[chunk.size() * plane];
        for (int i = 0; i < chunk.size(); i++) {
            System.arraycopy(chunk.get(i).image().pixels(), 0, out, i * plane, plane);
        }
        return out;
    }

    private static List<EncodedPrompt> prompts(List<InputEncoder.EncodedTemplate> chunk) {
        List<EncodedPrompt> out = new ArrayList<>();
        for (InputEncoder.EncodedTemplate t : chunk) {
            out.add(t.prompt());
        }
        return out;
    }
}
