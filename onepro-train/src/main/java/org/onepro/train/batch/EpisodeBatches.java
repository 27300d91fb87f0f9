package org.onepro.train.batch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.data.episode.Episode;
import org.onepro.core.transform.Letterbox;
import org.onepro.model.internal.prompt.EncodedPrompt;
import org.onepro.model.internal.prompt.PromptBatch;
import org.onepro.model.internal.prompt.PromptRasterizer;

/**
 * The standard {@link BatchAssembler}: episodes already preprocessed to the model's {@code s x s} grid become
 * stacked tensors; an interactive episode's query carries its prompt in its own prompt channels
 * (docs/model-contract.md §8.1), a cross-image episode's query carries none.
 */
public final class EpisodeBatches implements BatchAssembler {

    private final int size;
    private final int channels;
    private final PromptRasterizer rasterizer;
    private final Letterbox identity;

    /**
     * @param size     the model's input size
     * @param channels the model's image channels
     */
    public EpisodeBatches(int size, int channels) {
        this.size = size;
        this.channels = channels;
        this.rasterizer = new PromptRasterizer(size);
        this.identity = Letterbox.forImage(size, size, size);
    }

    @Override
    public TrainingBatch assemble(NDManager manager, List<Episode> episodes) {
        int b = episodes.size();
        int plane = size * size;
        float[] query = new float[b * channels * plane];
        float[] template = new float[b * channels * plane];
        float[] target = new float[b * plane];
        float[] interactive = new float[b];
        List<EncodedPrompt> prompts = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            Episode e = episodes.get(i);
            copy(e.query().image(), query, i, e);
            copy(e.template().image(), template, i, e);
            Mask m = e.queryMask();
            boolean[] bits = m.data();
            for (int k = 0; k < plane; k++) {
                target[i * plane + k] = bits[k] ? 1f : 0f;
            }
            interactive[i] = e.interactive() ? 1f : 0f;
            prompts.add(rasterizer.encode(e.prompt(), identity));
        }
        PromptBatch prompt = PromptBatch.of(manager, prompts);
        NDArray queryChannels = prompt.channels().mul(manager.create(interactive, new Shape(b, 1, 1, 1)));
        Shape images = new Shape(b, channels, size, size);
        return new TrainingBatch(manager.create(query, images), queryChannels, manager.create(template, images),
                prompt, manager.create(target, new Shape(b, 1, size, size)), List.copyOf(episodes));
    }

    private void copy(Image image, float[] into, int index, Episode e) {
        if (image.channels() != channels || image.height() != size || image.width() != size) {
            throw new IllegalArgumentException("episode " + e.index() + " of task " + e.task() + " holds a "
                    + image.channels() + "x" + image.height() + "x" + image.width() + " image; the model needs "
                    + channels + "x" + size + "x" + size + " (preprocess episodes with Preprocess.forModel)");
        }
        System.arraycopy(image.data(), 0, into, index * channels * size * size, channels * size * size);
    }
}
