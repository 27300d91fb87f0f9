package org.onepro.model.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.ProbabilityMap;
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
 * <p>A template that is the query itself (the same object) is interactive use, as in {@link Segmenter#segment(
 * Image, Image, org.onepro.core.prompt.Prompt)}: the query then carries that template's prompt channels, so its
 * encoding differs per template and cannot be shared; instead one encoder pass per template serves both the
 * template side and the query side. Consecutive templates of the same kind form a chunk.
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
        Image lastTemplate = query;
        InputEncoder.EncodedImage lastEncoded = encodedQuery;
        try (QuerySide side = new QuerySide(encodedQuery)) {
            int start = 0;
            while (start < templates.size()) {
                boolean interactive = templates.get(start).template() == query;
                int end = start + 1;
                while (end < templates.size() && end - start < batch
                        && (templates.get(end).template() == query) == interactive) {
                    end++;
                }
                List<InputEncoder.EncodedTemplate> chunk = new ArrayList<>();
                for (PromptedTemplate t : templates.subList(start, end)) {
                    // Segment-everything passes one template image hundreds of times in a row: normalise it once.
                    // Only the latest is kept, so a long ensemble of distinct templates holds one at a time.
                    if (t.template() != lastTemplate) {
                        lastTemplate = t.template();
                        lastEncoded = lastTemplate == query ? encodedQuery : owner.inputs().encodeImage(lastTemplate);
                    }
                    chunk.add(owner.inputs().encodeTemplate(lastEncoded, t.prompt()));
                }
                float[][] out = interactive ? side.runInteractive(chunk) : side.runAgainstQuery(chunk);
                deliver(encodedQuery, interactive ? templates.subList(start, end) : null, out[0], out[1], start, each);
                start = end;
            }
        }
    }

    private static void validate(Image query, List<PromptedTemplate> templates, int batch) {
        if (query == null) {
            throw new InvalidInputException("query image is required");
        }
        if (templates == null || templates.isEmpty()) {
            throw new InvalidInputException("at least one prompted template is required");
        }
        if (batch < 1) {
            throw new InvalidInputException("template batch size must be at least 1, got " + batch);
        }
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

        /** Templates that are not the query: the query is encoded on the first such chunk and kept. */
        float[][] runAgainstQuery(List<InputEncoder.EncodedTemplate> chunk) {
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
                    return toJava(model.decode(owner.parameters(), features, t, false));
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

        /** Templates that are the query: one encoder pass on [query, prompt channels] serves both sides. */
        float[][] runInteractive(List<InputEncoder.EncodedTemplate> chunk) {
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
                    return toJava(model.decode(owner.parameters(), f, t, false));
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

    private static float[][] toJava(NDList out) {
        return new float[][] {Activation.sigmoid(out.get(0)).toFloatArray(), out.get(1).toFloatArray()};
    }

    /** Hands out one chunk's results; {@code interactive} holds the chunk's templates when they are the query. */
    private static void deliver(InputEncoder.EncodedImage query, List<PromptedTemplate> interactive,
            float[] probabilities, float[] ious, int first, ObjIntConsumer<SegmentationResult> each) {
        int plane = query.geometry().size() * query.geometry().size();
        for (int i = 0; i < ious.length; i++) {
            float[] own = new float[plane];
            System.arraycopy(probabilities, i * plane, own, 0, plane);
            ProbabilityMap map = query.geometry().invert(own);
            if (interactive != null) {
                map = BoxLocality.apply(map, interactive.get(i).prompt());
            }
            each.accept(new SegmentationResult(map, map.threshold(PreparedTemplate.THRESHOLD), ious[i]), first + i);
        }
    }
}
