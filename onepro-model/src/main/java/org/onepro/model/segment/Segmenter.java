package org.onepro.model.segment;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.OnePromptModel;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.io.ModelIO;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Segments query images from one prompted template: {@code segment(query, template, prompt)}.
 *
 * <p>Inputs of any size are letterboxed to the model's input size and the result is mapped back to
 * the query's own pixels. For many queries of one task, {@link #prepare} computes the template's
 * encoder features and prompt embeddings once.
 *
 * <p>Thread safety: a segmenter may be shared between threads. Calls into the model are serialised
 * by a fair lock (libtorch already uses every core for one call on CPU, so running calls side by
 * side would not be faster); preparation of inputs and results runs outside the lock.
 */
public final class Segmenter implements AutoCloseable {

    private final NDManager manager;
    private final OnePromptModel model;
    private final ParameterStore parameters;
    private final InputEncoder inputs;
    private final ReentrantLock lock = new ReentrantLock(true);

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

    /** Loads a saved model directory on a device. */
    public static Segmenter load(Path modelDir, Device device) throws IOException {
        NDManager manager = named(NDManager.newBaseManager(device));
        try {
            return new Segmenter(manager, ModelIO.load(modelDir, manager));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A freshly initialised (untrained) model of a named preset, on the CPU. */
    public static Segmenter fromPreset(String preset, long seed) {
        return fromConfig(ModelPresets.get(preset), seed);
    }

    /** A freshly initialised (untrained) model of a config, on the CPU. */
    public static Segmenter fromConfig(OnePromptConfig config, long seed) {
        NDManager manager = named(NDManager.newBaseManager(Device.cpu()));
        OnePromptModel model = new OnePromptModel(config);
        model.initialize(manager, seed);
        return new Segmenter(manager, model);
    }

    /**
     * Wraps a model owned by the caller (for example one being trained): the segmenter works in a
     * sub-manager of the model's parameters, and closing it leaves the parameters alone.
     */
    public static Segmenter wrap(OnePromptModel model) {
        NDManager manager = model.getParameters().valueAt(0).getArray().getManager().newSubManager();
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

    /** The model. */
    public OnePromptModel model() {
        return model;
    }

    /**
     * Segments {@code query} by the target that {@code prompt} marks on {@code template}. Passing
     * the same image object as query and template is interactive segmentation: the query then
     * carries the prompt too.
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

    NDManager manager() {
        return manager;
    }

    ParameterStore parameters() {
        return parameters;
    }

    InputEncoder inputs() {
        return inputs;
    }

    ReentrantLock lock() {
        return lock;
    }

    void ensureOpen() {
        if (!manager.isOpen()) {
            throw new IllegalStateException("this segmenter is closed");
        }
    }

    /** Frees the native memory of this segmenter (and of its model, unless it was wrapped). */
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
