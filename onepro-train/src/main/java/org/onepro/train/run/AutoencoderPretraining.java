package org.onepro.train.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.PrintStream;
import java.util.Locale;
import org.onepro.core.mask.Mask;
import org.onepro.data.episode.EpisodeSource;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.prompt.MaskAutoencoder;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.loss.SegmentationLoss;
import org.onepro.train.optim.AdamW;
import org.onepro.train.optim.Gradients;
import org.onepro.train.optim.LearningRateSchedule;

/**
 * Stage (a): pre-trains the SegLab mask autoencoder (paper §2.1, "a pre-trained autoencoder") to reconstruct the
 * training masks, so SegLab prompts enter the main stage as meaningful features. Only the autoencoder's
 * parameters change. Masks are the augmented template masks of the run's own episode stream, read from
 * episode indices far beyond any the main stage reaches, so the stages do not share draws.
 */
final class AutoencoderPretraining {

    private static final int BATCH = 16;
    private static final long FIRST_EPISODE = 1L << 40;

    private final TrainConfig config;
    private final PrintStream console;

    AutoencoderPretraining(TrainConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /**
     * Trains the autoencoder; returns false when {@code stop} asked to end early (the stage then runs again from
     * the start on resume, which gives the same result since nothing random is left unseeded).
     */
    boolean run(OnePromptModel model, ParameterStore ps, NDManager root, EpisodeSource episodes,
            java.util.function.BooleanSupplier stop) {
        MaskAutoencoder ae = model.promptEmbedder().maskAutoencoder();
        PairList<String, Parameter> params = new PairList<>();
        for (Pair<String, Parameter> p : ae.getParameters()) {
            params.add(p);
        }
        int size = model.config().inputSize();
        LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(), config.minLearningRate(),
                Math.min(50, config.autoencoderSteps() / 5), config.autoencoderSteps());
        double first = Double.NaN;
        double recent = 0;
        long t0 = System.nanoTime();
        try (AdamW adam = AdamW.withDefaults(root, 0f)) {
            for (int step = 0; step < config.autoencoderSteps(); step++) {
                if (stop.getAsBoolean()) {
                    console.println("stopped during the mask autoencoder's pre-training; it restarts on resume");
                    return false;
                }
                try (NDManager m = root.newSubManager()) {
                    float[] masks = new float[BATCH * size * size];
                    for (int i = 0; i < BATCH; i++) {
                        Mask mask = episodes.episode(FIRST_EPISODE + (long) step * BATCH + i).templateMask();
                        boolean[] bits = mask.data();
                        for (int k = 0; k < bits.length; k++) {
                            masks[i * size * size + k] = bits[k] ? 1f : 0f;
                        }
                    }
                    NDArray target = m.create(masks, new Shape(BATCH, 1, size, size));
                    float value;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        Gradients.zero(params);
                        NDList features = ae.encode(ps, target, true);
                        NDArray logits = ae.decode(ps, features, true);
                        NDArray l = SegmentationLoss.binaryCrossEntropy(logits, target)
                                .add(SegmentationLoss.softDice(logits, target)).mean();
                        value = l.getFloat();
                        if (!Float.isFinite(value)) {
                            throw new TrainingDivergedException("mask autoencoder pre-training diverged at step "
                                    + (step + 1) + ": loss is " + value + "; lower learningRate and start again");
                        }
                        gc.backward(l);
                    }
                    adam.update(params, (float) schedule.at(step));
                    if (step == 0) {
                        first = value;
                    }
                    recent = step == 0 ? value : 0.9 * recent + 0.1 * value;
                }
            }
        }
        console.printf(Locale.ROOT, "mask autoencoder pre-trained: %d steps of %d masks, reconstruction loss %.3f"
                + " -> %.3f, %.0f s%n", config.autoencoderSteps(), BATCH, first, recent,
                (System.nanoTime() - t0) / 1e9);
        return true;
    }
}
