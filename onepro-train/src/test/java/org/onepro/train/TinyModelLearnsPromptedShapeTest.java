package org.onepro.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.onepro.core.transform.Letterbox;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.TemplateFeatures;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.internal.prompt.EncodedPrompt;
import org.onepro.model.internal.prompt.PromptBatch;
import org.onepro.model.internal.prompt.PromptRasterizer;
import org.onepro.train.loss.SegmentationLoss;
import org.onepro.train.optim.AdamW;
import org.onepro.train.optim.Gradients;

import java.util.ArrayList;
import java.util.List;

/**
 * The model learns to use its prompt: "segment the shape the template's prompt points at". Two
 * shapes per image and a click on one of them. Half the episodes are interactive (the query is the
 * template), half ask for the shape of the same kind in another image. A prompt-blind model can at
 * best segment both shapes (Dice about 0.66) or guess one (0.5).
 *
 * <p>The pasted prompt is off here: the toy's shapes sit at random places, so the template's prompt pasted onto
 * another image is pure noise, the one case it cannot help. With it on, 400 steps reach interactive Dice 0.73 and
 * 0.69 (model seeds 1 and 2) instead of 0.81 (design-decisions.md, entry 12).
 */
class TinyModelLearnsPromptedShapeTest {

    static final int SIZE = 32;
    static final int BATCH = 8;
    static final int STEPS = 400;

    @Test
    void lossFallsAndDiceBeatsEveryPromptBlindAnswer() {
        try (NDManager root = NDManager.newBaseManager()) {
            OnePromptModel model = new OnePromptModel(ModelPresets.get("tiny").withPastedPrompt(false));
            model.initialize(root, 1);
            ParameterStore ps = new ParameterStore(root, false);
            SegmentationLoss loss = new SegmentationLoss(0.1f);
            TwoShapeTask task = new TwoShapeTask(SIZE, 2);
            double first = 0;
            double last = 0;
            try (AdamW adam = AdamW.withDefaults(root, 0.01f)) {
                for (int step = 0; step < STEPS; step++) {
                    float lr = step < 10 ? 5e-3f * (step + 1) / 10 : 5e-3f;
                    try (NDManager m = root.newSubManager()) {
                        Batch b = batch(m, task, BATCH, step % 2 == 0);
                        float value;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            Gradients.zero(model.getParameters());
                            NDList out = forward(model, ps, b, true);
                            NDArray l = loss.compute(out.get(0), b.target, out.get(1));
                            value = l.getFloat();
                            gc.backward(l);
                        }
                        adam.update(model.getParameters(), lr);
                        if (step < 10) {
                            first += value / 10;
                        } else if (step >= STEPS - 10) {
                            last += value / 10;
                        }
                    }
                }
            }
            double[] dice = evaluate(model, ps, root, new TwoShapeTask(SIZE, 99), 64, true);
            double[] transfer = evaluate(model, ps, root, new TwoShapeTask(SIZE, 98), 64, false);
            String report = String.format("loss %.3f -> %.3f; interactive Dice %.3f (both shapes %.3f);"
                    + " other-image Dice %.3f (both shapes %.3f)", first, last, dice[0], dice[1], transfer[0], transfer[1]);
            System.out.println(report);
            assertTrue(last < 0.7 * first, "loss must fall clearly: " + report);
            assertTrue(dice[0] > dice[1] + 0.1, "model must beat segmenting both shapes: " + report);
            // Transfer to other images (the Prompt-Parser's job) is reported, not asserted: 400 steps of the tiny
            // preset do not learn it (Dice about 0.5); the training issue measures it on real tasks.
        }
    }

    record Batch(NDArray query, NDArray queryChannels, NDArray template, PromptBatch prompt, NDArray target,
            List<TwoShapeTask.Episode> episodes) {}

    static Batch batch(NDManager m, TwoShapeTask task, int n, boolean interactive) {
        PromptRasterizer raster = new PromptRasterizer(SIZE);
        Letterbox identity = Letterbox.forImage(SIZE, SIZE, SIZE);
        int plane = SIZE * SIZE;
        float[] q = new float[n * 3 * plane];
        float[] t = new float[n * 3 * plane];
        float[] y = new float[n * plane];
        List<EncodedPrompt> prompts = new ArrayList<>();
        List<TwoShapeTask.Episode> episodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TwoShapeTask.Episode e = task.next(interactive);
            episodes.add(e);
            for (int c = 0; c < 3; c++) {
                System.arraycopy(e.query().image(), 0, q, (i * 3 + c) * plane, plane);
                System.arraycopy(e.template().image(), 0, t, (i * 3 + c) * plane, plane);
            }
            System.arraycopy(e.target(), 0, y, i * plane, plane);
            prompts.add(raster.encode(e.prompt(), identity));
        }
        NDArray promptChannels = PromptBatch.of(m, prompts).channels();
        NDArray queryChannels = interactive ? promptChannels : m.zeros(new Shape(n, 2, SIZE, SIZE));
        return new Batch(m.create(q, new Shape(n, 3, SIZE, SIZE)), queryChannels,
                m.create(t, new Shape(n, 3, SIZE, SIZE)), PromptBatch.of(m, prompts),
                m.create(y, new Shape(n, 1, SIZE, SIZE)), episodes);
    }

    static NDList forward(OnePromptModel model, ParameterStore ps, Batch b, boolean training) {
        TemplateFeatures t = model.encodeTemplate(ps, b.template, b.prompt, training);
        return model.decode(ps, b.query, b.queryChannels, t, training);
    }

    /** Mean Dice of the model, of "both shapes" and of "the other shape" on fresh episodes. */
    static double[] evaluate(OnePromptModel model, ParameterStore ps, NDManager root, TwoShapeTask task, int n,
            boolean interactive) {
        double[] sums = new double[3];
        try (NDManager m = root.newSubManager()) {
            Batch b = batch(m, task, n, interactive);
            float[] logits = forward(model, ps, b, false).get(0).toFloatArray();
            int plane = SIZE * SIZE;
            for (int i = 0; i < n; i++) {
                TwoShapeTask.Episode e = b.episodes.get(i);
                float[] predicted = new float[plane];
                float[] both = new float[plane];
                float[] other = new float[plane];
                for (int k = 0; k < plane; k++) {
                    predicted[k] = logits[i * plane + k] > 0 ? 1f : 0f;
                    both[k] = Math.max(e.query().disc()[k], e.query().square()[k]);
                    other[k] = both[k] - e.target()[k];
                }
                sums[0] += dice(predicted, e.target());
                sums[1] += dice(both, e.target());
                sums[2] += dice(other, e.target());
            }
        }
        return new double[] {sums[0] / n, sums[1] / n, sums[2] / n};
    }

    static double dice(float[] a, float[] b) {
        double inter = 0;
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            inter += a[i] * b[i];
            total += a[i] + b[i];
        }
        return total == 0 ? 1 : 2 * inter / total;
    }
}
