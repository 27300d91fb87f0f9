package org.onepro.train.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.onepro.data.episode.Episode;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.TemplateFeatures;
import org.onepro.train.batch.BatchAssembler;
import org.onepro.train.loss.SegmentationLoss;
import org.onepro.train.optim.AdamW;
import org.onepro.train.optim.GradientClipping;
import org.onepro.train.optim.Gradients;

/**
 * One optimiser step of a One-Prompt model on a batch of episodes: forward, loss, backward, clipping and an AdamW
 * update. Training runs and per-template adaptation take their steps here, so both learn the same way.
 */
public final class OptimizerStep {

    /** Weight of the predicted-IoU term next to the mask loss. */
    public static final float IOU_WEIGHT = 0.1f;

    private final BatchAssembler batches;
    private final SegmentationLoss loss = new SegmentationLoss(IOU_WEIGHT);
    private final GradientClipping clipping;

    /**
     * A step.
     *
     * @param batches     turns episodes into model inputs
     * @param maxGradNorm the global gradient norm is clipped to this
     */
    public OptimizerStep(BatchAssembler batches, double maxGradNorm) {
        this.batches = batches;
        this.clipping = new GradientClipping(maxGradNorm);
    }

    /**
     * The loss and gradient norm of one step. Nothing is updated when either is NaN or infinite: the loss is
     * then returned with a NaN norm when the loss itself was not finite (no backward pass was run).
     *
     * @param model    the model, updated in place
     * @param ps       the parameter store of the run
     * @param adam     the optimiser
     * @param parent   the step's arrays live in a sub-manager of this one, closed before returning
     * @param episodes the batch
     * @param lr       the learning rate
     * @return {loss, gradient norm before clipping}
     */
    public double[] run(OnePromptModel model, ParameterStore ps, AdamW adam, NDManager parent, List<Episode> episodes,
            float lr) {
        try (NDManager m = parent.newSubManager()) {
            var b = batches.assemble(m, episodes);
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Gradients.zero(model.getParameters());
                TemplateFeatures t = model.encodeTemplate(ps, b.template(), b.prompt(), true);
                NDList outputs = model.decode(ps, b.query(), b.queryChannels(), t, true);
                NDArray l = loss.compute(outputs.get(0), b.target(), outputs.get(1));
                value = l.getFloat();
                if (!Float.isFinite(value)) {
                    return new double[] {value, Double.NaN};
                }
                gc.backward(l);
            }
            double norm = clipping.clip(model.getParameters(), m);
            if (Double.isFinite(norm)) {
                adam.update(model.getParameters(), lr);
            }
            return new double[] {value, norm};
        }
    }
}
