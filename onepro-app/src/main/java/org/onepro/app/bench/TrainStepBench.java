package org.onepro.app.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.onepro.core.prompt.Click;
import org.onepro.core.transform.Letterbox;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.TemplateFeatures;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.prompt.EncodedPrompt;
import org.onepro.model.internal.prompt.PromptBatch;
import org.onepro.model.internal.prompt.PromptRasterizer;
import org.onepro.train.loss.SegmentationLoss;
import org.onepro.train.optim.AdamW;
import org.onepro.train.optim.Gradients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times one training step (forward, loss, backward, AdamW update) of a preset on generated inputs.
 * Usage: {@code TrainStepBench [preset=small] [batch=8] [steps=10]}; prints seconds per step and
 * episodes per second. What the episode pipeline must outpace.
 */
public final class TrainStepBench {

    private TrainStepBench() {}

    /** Entry point. */
    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "small";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        OnePromptConfig config = ModelPresets.get(preset);
        int s = config.inputSize();
        SplittableRandom rng = new SplittableRandom(1);
        try (NDManager root = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            OnePromptModel model = new OnePromptModel(config);
            model.initialize(root, 1);
            ParameterStore ps = new ParameterStore(root, false);
            SegmentationLoss loss = new SegmentationLoss(0.1f);
            double[] times = new double[steps];
            try (AdamW adam = AdamW.withDefaults(root, 0.01f)) {
                for (int step = -2; step < steps; step++) {
                    long t0 = System.nanoTime();
                    try (NDManager m = root.newSubManager()) {
                        NDArray images = random(m, rng, new Shape(batch, 3, s, s));
                        NDArray target = random(m, rng, new Shape(batch, 1, s, s)).gt(0.5f).toType(images.getDataType(), false);
                        List<EncodedPrompt> prompts = new ArrayList<>();
                        PromptRasterizer raster = new PromptRasterizer(s);
                        for (int i = 0; i < batch; i++) {
                            prompts.add(raster.encode(Click.foreground(s / 2.0, s / 3.0), Letterbox.forImage(s, s, s)));
                        }
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            Gradients.zero(model.getParameters());
                            TemplateFeatures t = model.encodeTemplate(ps, images, PromptBatch.of(m, prompts), true);
                            NDList out = model.decode(ps, images, m.zeros(new Shape(batch, 2, s, s)), t, true);
                            gc.backward(loss.compute(out.get(0), target, out.get(1)));
                        }
                        adam.update(model.getParameters(), 1e-4f);
                    }
                    if (step >= 0) {
                        times[step] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
            Arrays.sort(times);
            double median = times[steps / 2];
            System.out.printf("preset %s, batch %d: median %.3f s/step, %.1f episodes/s%n", preset, batch, median,
                    batch / median);
        }
    }

    private static NDArray random(NDManager m, SplittableRandom rng, Shape shape) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextDouble();
        }
        return m.create(v, shape);
    }
}
