package org.onepro.train.adapt;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.SegLab;
import org.onepro.data.episode.Episode;
import org.onepro.data.episode.EpisodeSampler;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.SegmenterAccess;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.batch.EpisodeBatches;
import org.onepro.train.optim.AdamW;
import org.onepro.train.run.OptimizerStep;

/**
 * Per-task adaptation at inference (issue 25): fine-tunes a copy of a segmenter's model on episodes made of one
 * prompted template alone ({@code SelfEpisodes}: two independent augmentations of the template, one as template
 * and one as query), then segments the task's queries with that copy. The template's SegLab mask is the only
 * supervision, so only SegLab prompts can be adapted to. The segmenter it starts from is left unchanged and may
 * keep serving other requests.
 *
 * <pre>{@code
 * try (Segmenter base = Segmenter.pretrained();
 *      AdaptedTemplate adapted = TemplateAdapter.adapt(base, template, SegLab.of(mask), AdaptationSettings.defaults())) {
 *     Mask m = adapted.segment(query).mask();
 * }
 * }</pre>
 */
public final class TemplateAdapter {

    private static final double MAX_GRAD_NORM = 1.0;

    private TemplateAdapter() {}

    /**
     * Adapts a copy of {@code base}'s model to one template.
     *
     * @param base     the trained model to start from; not modified
     * @param template the template image
     * @param prompt   a SegLab prompt on the template
     * @param settings steps, batch, learning rate and seed
     * @return the adapted template; close it to free the copy
     * @throws InvalidInputException if the prompt is not SegLab or does not fit the template, or the loss
     *     became NaN or infinite
     */
    public static AdaptedTemplate adapt(Segmenter base, Image template, Prompt prompt, AdaptationSettings settings) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(settings, "settings");
        if (!(prompt instanceof SegLab segLab)) {
            throw new InvalidInputException("adaptation learns from the template's mask, so it needs a SegLab prompt;"
                    + " got a " + prompt.type() + " prompt (segment without adaptation, or prompt with a mask)");
        }
        prompt.validate(template.height(), template.width());
        long start = System.nanoTime();
        OnePromptModel from = SegmenterAccess.model(base);
        Device device = from.getParameters().valueAt(0).getArray().getDevice();
        NDManager manager = NDManager.newBaseManager(device);
        try {
            OnePromptModel copy = copyOf(from, manager, settings.seed());
            double loss = train(copy, manager, template, segLab, settings);
            Segmenter adapted = SegmenterAccess.wrap(copy);
            return new AdaptedTemplate(manager, adapted, adapted.prepare(template, prompt), loss,
                    (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A model of the same config whose parameters are copies of {@code from}'s, living in {@code manager}. */
    static OnePromptModel copyOf(OnePromptModel from, NDManager manager, long seed) {
        OnePromptModel copy = new OnePromptModel(from.config());
        copy.initialize(manager, seed);
        var source = from.getParameters();
        var target = copy.getParameters();
        for (int i = 0; i < target.size(); i++) {
            NDArray s = source.valueAt(i).getArray();
            NDArray t = target.valueAt(i).getArray();
            if (!s.getShape().equals(t.getShape()) || !source.keyAt(i).equals(target.keyAt(i))) {
                throw new IllegalStateException("parameter " + i + " differs between a model and its copy: "
                        + source.keyAt(i) + " " + s.getShape() + " against " + target.keyAt(i) + " " + t.getShape());
            }
            s.copyTo(t);
        }
        return copy;
    }

    /** Runs the optimiser steps on self-episodes; returns the mean loss of the last quarter of the steps. */
    private static double train(OnePromptModel model, NDManager manager, Image template, SegLab prompt,
            AdaptationSettings settings) {
        int size = model.config().inputSize();
        int channels = model.config().imageChannels();
        EpisodeSampler episodes = SelfEpisodes.sampler(template, prompt.mask(), size, channels, settings.seed());
        OptimizerStep step = new OptimizerStep(new EpisodeBatches(size, channels), MAX_GRAD_NORM);
        int tail = Math.max(1, settings.steps() / 4);
        double tailLoss = 0;
        try (NDManager run = manager.newSubManager(); AdamW adam = AdamW.withDefaults(run, 0f)) {
            ParameterStore ps = new ParameterStore(run, false);
            long index = 0;
            for (int i = 0; i < settings.steps(); i++) {
                List<Episode> batch = new ArrayList<>(settings.batchSize());
                for (int k = 0; k < settings.batchSize(); k++) {
                    batch.add(episodes.episode(index++));
                }
                double[] lossAndNorm = step.run(model, ps, adam, run, batch, (float) settings.learningRate());
                if (!Double.isFinite(lossAndNorm[0]) || !Double.isFinite(lossAndNorm[1])) {
                    throw new InvalidInputException("adaptation diverged at step " + (i + 1) + " (loss "
                            + lossAndNorm[0] + ", gradient norm " + lossAndNorm[1] + "); lower the learning rate "
                            + settings.learningRate());
                }
                if (i >= settings.steps() - tail) {
                    tailLoss += lossAndNorm[0] / tail;
                }
            }
        }
        return tailLoss;
    }
}
