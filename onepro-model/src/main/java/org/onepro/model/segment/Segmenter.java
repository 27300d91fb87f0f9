package org.onepro.model.segment;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ObjIntConsumer;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.result.EnsembleResult;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.bundled.BundledModels;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.Devices;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.SegmenterAccess;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.model.internal.io.ModelSources;

/**
 * Segments query images from one prompted template: {@code segment(query, template, prompt)}.
 *
 * <p>Obtain one with {@link #pretrained()} (the bundled model), {@link #pretrained(String)} (a bundled model by
 * name), {@link #load(Path)} (a saved model folder) or {@link #untrained(String, long)} (seeded random weights of a
 * preset, for tests and as a training start); close it to free its native memory.
 *
 * <p>Inputs of any size are letterboxed to the model's input size and the result is mapped back to
 * the query's own pixels. For many queries of one task, {@link #prepare} computes the template's
 * encoder features and prompt embeddings once. Segmenting an image from a prompt on that same image
 * (interactive use) is asked for explicitly with {@link #interactive}; {@code segment} and
 * {@code prepare} always treat the query as another image, whatever object is passed.
 *
 * <p>Thread safety: a segmenter may be shared between threads. Calls into the model are serialised
 * by a fair lock (libtorch already uses every core for one call on CPU, so running calls side by
 * side would not be faster); preparation of inputs and results runs outside the lock.
 */
public final class Segmenter implements AutoCloseable {

    /**
     * Templates of an ensemble go through the model this many at a time: large enough to amortise the per-call
     * overhead, small enough to bound native memory whatever the ensemble size.
     */
    public static final int ENSEMBLE_BATCH = 8;

    static {
        SegmenterAccess.install(new SegmenterAccess.Bridge() {
            @Override
            public Segmenter wrap(OnePromptModel model) {
                NDManager manager = model.getParameters().valueAt(0).getArray().getManager().newSubManager();
                return new Segmenter(manager, model);
            }

            @Override
            public OnePromptModel model(Segmenter segmenter) {
                return segmenter.model;
            }
        });
    }

    private final NDManager manager;
    private final OnePromptModel model;
    private final ParameterStore parameters;
    private final InputEncoder inputs;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final TemplateBatchRunner templateRuns = new TemplateBatchRunner(this);

    private Segmenter(NDManager manager, OnePromptModel model) {
        this.manager = manager;
        this.model = model;
        this.parameters = new ParameterStore(manager, false);
        this.inputs = new InputEncoder(model.config());
    }

    /** Loads a saved model directory on the CPU. */
    public static Segmenter load(Path modelDir) throws IOException {
        return load(modelDir, Device.cpu());
    }

    /**
     * Loads a saved model directory on a device.
     *
     * @throws org.onepro.core.error.InvalidInputException for a GPU this machine does not have
     */
    public static Segmenter load(Path modelDir, Device device) throws IOException {
        return loaded(device, manager -> ModelIO.load(modelDir, manager));
    }

    /** The default trained model shipped with OnePro ({@link BundledModels#DEFAULT}), on the CPU. */
    public static Segmenter pretrained() throws IOException {
        return pretrained(BundledModels.DEFAULT);
    }

    /**
     * A trained model shipped with OnePro, by name ({@link BundledModels#names()}), on the CPU.
     *
     * @throws org.onepro.core.error.InvalidInputException if no bundled model has that name
     */
    public static Segmenter pretrained(String name) throws IOException {
        return pretrained(name, Device.cpu());
    }

    /**
     * A trained model shipped with OnePro, by name, on a device ({@code Device.gpu(0)} needs the CUDA build).
     *
     * @throws org.onepro.core.error.InvalidInputException if no bundled model has that name, or for a GPU this
     *     machine does not have
     */
    public static Segmenter pretrained(String name, Device device) throws IOException {
        return loaded(device, manager -> ModelSources.bundled(name, manager));
    }

    /** Reads a model into a new manager of its own, closed again when reading fails. */
    private static Segmenter loaded(Device device, ModelReader reader) throws IOException {
        NDManager manager = named(NDManager.newBaseManager(Devices.checked(device)));
        try {
            return new Segmenter(manager, reader.read(manager));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Reads a model's parameters into a given manager. */
    @FunctionalInterface
    private interface ModelReader {
        OnePromptModel read(NDManager manager) throws IOException;
    }

    /**
     * A model of a named preset with seeded random weights, on the CPU: for tests, and the start of training from
     * scratch. Its results mean nothing until it is trained.
     *
     * @throws IllegalArgumentException if no preset has that name
     */
    public static Segmenter untrained(String preset, long seed) {
        return untrained(preset, seed, Device.cpu());
    }

    /**
     * A model of a named preset with seeded random weights, on a device.
     *
     * @throws IllegalArgumentException if no preset has that name
     * @throws org.onepro.core.error.InvalidInputException for a GPU this machine does not have
     */
    public static Segmenter untrained(String preset, long seed, Device device) {
        return fromConfig(ModelPresets.get(preset), seed, device);
    }

    /** Seeded random weights of any config (tests of configs that no preset has). */
    static Segmenter fromConfig(OnePromptConfig config, long seed) {
        return fromConfig(config, seed, Device.cpu());
    }

    private static Segmenter fromConfig(OnePromptConfig config, long seed, Device device) {
        NDManager manager = named(NDManager.newBaseManager(Devices.checked(device)));
        OnePromptModel model = new OnePromptModel(config);
        model.initialize(manager, seed);
        return new Segmenter(manager, model);
    }

    private static NDManager named(NDManager manager) {
        manager.setName("onepro-segmenter");
        return manager;
    }

    /** The model's config. */
    public OnePromptConfig config() {
        return model.config();
    }

    OnePromptModel model() {
        return model;
    }

    /**
     * Segments {@code query} by the target that {@code prompt} marks on {@code template}. The query is treated as
     * another image even when the same one is passed; to segment the prompted image itself use
     * {@link #interactive}, where the image carries its prompt and a box confines the result.
     *
     * @throws InvalidInputException for a prompt that does not fit the template, or images whose
     *     channel counts differ or do not fit the model
     */
    public SegmentationResult segment(Image query, Image template, Prompt prompt) {
        try (PreparedTemplate prepared = prepare(template, prompt)) {
            return prepared.segment(query);
        }
    }

    /** Encodes a prompted template once for any number of {@link PreparedTemplate#segment} calls. */
    public PreparedTemplate prepare(Image template, Prompt prompt) {
        if (template == null || prompt == null) {
            throw new InvalidInputException("template image and prompt are required");
        }
        InputEncoder.EncodedImage image = inputs.encodeImage(template);
        InputEncoder.EncodedTemplate encoded = inputs.encodeTemplate(image, prompt);
        lock.lock();
        try {
            ensureOpen();
            return new PreparedTemplate(this, template, encoded);
        } finally {
            lock.unlock();
        }
    }

    /** Segments several queries against one prompted template in one batch. */
    public List<SegmentationResult> segment(List<Image> queries, Image template, Prompt prompt) {
        try (PreparedTemplate prepared = prepare(template, prompt)) {
            return prepared.segment(queries);
        }
    }

    /**
     * Segments {@code query} with an ensemble of prompted templates (the paper evaluates with many random
     * templates): the query is encoded once, the templates run in batches of {@link #ENSEMBLE_BATCH}, and the
     * result holds the mean probability, its mask at 0.5, and the per-pixel variance over the templates as an
     * uncertainty map, all at the query's own size.
     *
     * @throws InvalidInputException for a missing query, an empty or null-holding list, or a template whose
     *     channel count differs from the query's (the message names the template's index)
     */
    public EnsembleResult segment(Image query, List<PromptedTemplate> templates) {
        if (query == null) {
            throw new InvalidInputException("query image is required");
        }
        EnsembleResult.Builder ensemble = EnsembleResult.builder(query.height(), query.width());
        templateRuns.run(query, templates, ENSEMBLE_BATCH,
                (result, index) -> ensemble.add(result.probabilities(), result.predictedIou()));
        return ensemble.build();
    }

    /**
     * Encodes an ensemble of prompted templates once for any number of {@link PreparedEnsemble#segment} calls:
     * each query then costs one query encoding plus a Former and head pass per template, and gets the result that
     * {@link #segment(Image, List)} gives.
     *
     * @throws InvalidInputException for an empty or null-holding list, templates whose channel counts differ, or
     *     a prompt that does not fit its template
     */
    public PreparedEnsemble prepare(List<PromptedTemplate> templates) {
        return new PreparedEnsemble(this, templates);
    }

    /**
     * Segments {@code query} separately with each prompted template, encoding the query once, and hands each
     * result (at the query's size) with its template's index to {@code each}, in template order. Results are
     * delivered as each batch finishes, so memory stays bounded for thousands of templates (segment-everything);
     * {@code each} runs outside the model lock.
     *
     * @param batch templates per model call, at least 1
     * @throws InvalidInputException as {@link #segment(Image, List)} does, or for a batch below 1
     */
    public void segmentEach(Image query, List<PromptedTemplate> templates, int batch,
            ObjIntConsumer<SegmentationResult> each) {
        if (each == null) {
            throw new InvalidInputException("a result consumer is required");
        }
        templateRuns.run(query, templates, batch, each);
    }

    /**
     * Opens an interactive session on {@code image} (template = query): {@link InteractiveSession#segment} with a
     * prompt, then {@link InteractiveSession#refine} with more clicks or strokes, or
     * {@link InteractiveSession#segmentEach} for many separate prompts on the image. The session keeps the image's
     * model input (and, for models without encoder prompt channels, its encoder features) between calls; close it
     * to free them.
     *
     * @throws InvalidInputException if the image is missing or has a channel count the model cannot take
     */
    public InteractiveSession interactive(Image image) {
        return new InteractiveSession(this, image);
    }

    NDManager manager() {
        return manager;
    }

    ParameterStore parameters() {
        return parameters;
    }

    TemplateBatchRunner templateRuns() {
        return templateRuns;
    }

    InputEncoder inputs() {
        return inputs;
    }

    ReentrantLock lock() {
        return lock;
    }

    /**
     * Closes a native-memory scope of this segmenter's (a prepared template's or a session's) under the model
     * lock, so it cannot vanish while a call is using it; closing twice is harmless.
     */
    void closeScope(NDManager scope) {
        lock().lock();
        try {
            if (scope.isOpen()) {
                scope.close();
            }
        } finally {
            lock().unlock();
        }
    }

    void ensureOpen() {
        if (!manager.isOpen()) {
            throw new IllegalStateException("this segmenter is closed");
        }
    }

    /** Frees the native memory of this segmenter and of the model it loaded. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (manager.isOpen()) {
                manager.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
