package org.onepro.model.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.internal.ImageFeatures;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.TemplateFeatures;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.prompt.PromptBatch;

import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * Interactive segmentation of one image (the template is the query): prompt it, look at the result, add clicks or
 * strokes with {@link #refine}, and segment again. Obtain one from {@link Segmenter#interactive(Image)}; it holds
 * native memory until closed.
 *
 * <p><b>What is cached, and what a call costs.</b> The image's normalised, letterboxed input tensor is made once
 * and kept for the session (a {@code C x s x s} float array; the percentile normalisation and resampling are not
 * repeated). Whether the encoder's work can be kept as well depends on the model (docs/model-contract.md §8.1):
 * <ul>
 *   <li>with encoder prompt channels (every preset), the encoder sees the prompt as two extra input channels, so
 *       its features change with every prompt and are recomputed per call. Because the query is the template, one
 *       encoder pass serves both sides: a call costs one encoder pass plus the prompt embedder, the Former and the
 *       head, where {@code segment(image, image, prompt)} costs two encoder passes;</li>
 *   <li>without them ({@code OnePromptConfig.withPromptChannels(false)}), the image's encoder features and tokens
 *       do not depend on the prompt and are computed once when the session opens (about one encoder pass of
 *       native memory kept); a call then costs only the prompt embedder, the Former and the head.</li>
 * </ul>
 *
 * <p>Thread safety: calls are serialised per session, and model calls share the segmenter's lock.
 */
public final class InteractiveSession implements AutoCloseable {

    private final Segmenter owner;
    private final Image image;
    private final InputEncoder.EncodedImage encoded;
    private final NDManager manager;
    private final NDArray pixels;
    private final ImageFeatures cachedFeatures;
    private Prompt prompt;

    InteractiveSession(Segmenter owner, Image image) {
        if (image == null) {
            throw new InvalidInputException("image is required");
        }
        this.owner = owner;
        this.image = image;
        this.encoded = owner.inputs().encodeImage(image);
        OnePromptConfig config = owner.config();
        int s = config.inputSize();
        owner.lock().lock();
        try {
            owner.ensureOpen();
            this.manager = owner.manager().newSubManager();
            try {
                this.pixels = manager.create(encoded.pixels(), new Shape(1, config.imageChannels(), s, s));
                this.cachedFeatures = config.promptChannels() ? null : encodeOnce(config);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        } finally {
            owner.lock().unlock();
        }
    }

    /**
     * The image's encoder features for a model whose encoder does not see the prompt; only the result is kept,
     * the encoder's intermediate arrays go with a scratch manager.
     */
    private ImageFeatures encodeOnce(OnePromptConfig config) {
        int s = config.inputSize();
        try (NDManager scratch = manager.newSubManager()) {
            pixels.tempAttach(scratch);
            ImageFeatures f = owner.model().encodeImage(owner.parameters(), pixels,
                    scratch.zeros(new Shape(1, 2, s, s)), false);
            for (NDArray a : f.all()) {
                // The features hold the session's own image array, already in the session's manager.
                if (a != pixels) {
                    a.attach(manager);
                }
            }
            return f;
        }
    }

    /** The image being segmented. */
    public Image image() {
        return image;
    }

    /** The prompt of the latest call (merged refinements included), or {@code null} before the first call. */
    public synchronized Prompt prompt() {
        return prompt;
    }

    /**
     * Segments the image by a new prompt, replacing any earlier one.
     *
     * @param prompt the prompt, in the image's pixel coordinates
     * @return the result at the image's own size
     * @throws InvalidInputException if the prompt is missing or does not fit the image
     * @throws IllegalStateException if the session or its segmenter is closed
     */
    public synchronized SegmentationResult segment(Prompt prompt) {
        if (prompt == null) {
            throw new InvalidInputException("a prompt is required");
        }
        SegmentationResult result = run(prompt);
        this.prompt = prompt;
        return result;
    }

    /**
     * Adds to the current prompt and segments again: clicks add points, doodle strokes add strokes, and a box or a
     * SegLab mask replaces the current one of its kind. Without a current prompt this is {@link #segment}.
     *
     * @param additional what to add, in the image's pixel coordinates
     * @return the result for the merged prompt, at the image's own size
     * @throws InvalidInputException if the types cannot be merged (say a box added to clicks; the message says
     *     which) or the merged prompt does not fit the image; the current prompt is then unchanged
     * @throws IllegalStateException if the session or its segmenter is closed
     */
    public synchronized SegmentationResult refine(Prompt additional) {
        return segment(PromptMerger.merge(prompt, additional));
    }

    /**
     * Adds one click to the current click prompt and segments again; the way to add a background click (a click
     * prompt on its own must hold a foreground point, so a lone background click cannot be passed to
     * {@link #refine}). Without a current prompt the click starts one and must be foreground.
     *
     * @param x          column in the image's pixels
     * @param y          row in the image's pixels
     * @param foreground whether the click marks the target (true) or the background (false)
     * @return the result for the clicks so far, at the image's own size
     * @throws InvalidInputException if the first click is a background click, the current prompt is not a click
     *     prompt, or the point lies outside the image; the current prompt is then unchanged
     * @throws IllegalStateException if the session or its segmenter is closed
     */
    public synchronized SegmentationResult addClick(double x, double y, boolean foreground) {
        ClickPoint point = new ClickPoint(new Point(x, y), foreground);
        if (prompt == null) {
            return segment(Click.of(List.of(point)));
        }
        if (!(prompt instanceof Click clicks)) {
            throw new InvalidInputException("clicks can only be added to clicks, and the current prompt is a "
                    + prompt.type().name().toLowerCase(java.util.Locale.ROOT) + "; segment(Click) starts over");
        }
        return segment(clicks.with(point));
    }

    /**
     * Segments the image separately by each prompt, in batches of {@code batch} prompts per model call, and hands
     * each result (at the image's size) with its prompt's index to {@code each}, in prompt order; the session's
     * current prompt is left as it is. Segment-everything runs its grid of clicks through here.
     *
     * @param prompts the prompts, each in the image's pixel coordinates
     * @param batch   prompts per model call, at least 1
     * @param each    receives every result as its batch finishes, outside the model lock
     * @throws InvalidInputException for a missing or empty list, a missing prompt, a prompt that does not fit the
     *     image, or a batch below 1
     * @throws IllegalStateException if the session or its segmenter is closed
     */
    public synchronized void segmentEach(List<Prompt> prompts, int batch, ObjIntConsumer<SegmentationResult> each) {
        if (each == null) {
            throw new InvalidInputException("a result consumer is required");
        }
        if (!manager.isOpen()) {
            throw new IllegalStateException("this interactive session is closed");
        }
        owner.templateRuns().runInteractive(encoded, prompts, batch, each);
    }

    private SegmentationResult run(Prompt p) {
        InputEncoder.EncodedTemplate template = owner.inputs().encodeTemplate(encoded, p);
        OnePromptModel model = owner.model();
        ModelOutputs.Batch out;
        owner.lock().lock();
        try {
            owner.ensureOpen();
            if (!manager.isOpen()) {
                throw new IllegalStateException("this interactive session is closed");
            }
            try (NDManager call = manager.newSubManager()) {
                // Ops on the cached arrays put their results in the cache's manager unless it is borrowed here.
                // The cached features include the image itself: borrowing it twice would lose it.
                if (cachedFeatures != null) {
                    for (NDArray a : cachedFeatures.all()) {
                        a.tempAttach(call);
                    }
                } else {
                    pixels.tempAttach(call);
                }
                PromptBatch prompts = PromptBatch.of(call, List.of(template.prompt()));
                ImageFeatures features = cachedFeatures != null ? cachedFeatures
                        : model.encodeImage(owner.parameters(), pixels, prompts.channels(), false);
                TemplateFeatures t = model.encodeTemplate(owner.parameters(), features, prompts, false);
                out = ModelOutputs.read(model.decode(owner.parameters(), features, t, false));
            }
        } finally {
            owner.lock().unlock();
        }
        return out.interactiveResult(0, encoded.geometry(), p);
    }

    /** Frees the cached input tensor (and features); later calls throw. Closing twice is harmless. */
    @Override
    public void close() {
        owner.closeScope(manager);
    }
}
