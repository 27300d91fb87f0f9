package org.onepro.model.segment;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.result.SegmentationResult;
import org.onepro.core.transform.Letterbox;

/**
 * The one place where the model's outputs become results, for every inference path (prepared templates,
 * ensembles, interactive sessions, segment-each runs): the sigmoid of the logits, the letterbox undone to the
 * query's own pixels, the box of an interactive prompt applied, and the threshold.
 */
final class ModelOutputs {

    /** Probability at least one half is foreground. */
    static final float THRESHOLD = 0.5f;

    /** Probabilities on the model grid ({@code b x s x s}) and the IoU head's {@code b} values, as Java arrays. */
    record Batch(float[] probabilities, float[] ious) {

        int size() {
            return ious.length;
        }

        /** Sample {@code i}'s probabilities mapped back to the image that {@code geometry} letterboxed. */
        ProbabilityMap map(int i, Letterbox geometry) {
            int plane = geometry.size() * geometry.size();
            float[] own = new float[plane];
            System.arraycopy(probabilities, i * plane, own, 0, plane);
            return geometry.invert(own);
        }

        /** Sample {@code i} as a result at the image's own size. */
        SegmentationResult result(int i, Letterbox geometry) {
            return ModelOutputs.result(map(i, geometry), ious[i]);
        }

        /**
         * Sample {@code i} of interactive use (the image carries its own prompt): a box prompt confines the result
         * to the box ({@link BoxLocality}).
         */
        SegmentationResult interactiveResult(int i, Letterbox geometry, Prompt prompt) {
            return ModelOutputs.result(BoxLocality.apply(map(i, geometry), prompt), ious[i]);
        }
    }

    private ModelOutputs() {
    }

    /** Reads the model's {@code [logits, iou]} output; call it inside the call's native-memory scope. */
    static Batch read(NDList out) {
        return new Batch(Activation.sigmoid(out.get(0)).toFloatArray(), out.get(1).toFloatArray());
    }

    private static SegmentationResult result(ProbabilityMap map, float iou) {
        return new SegmentationResult(map, map.threshold(THRESHOLD), iou);
    }
}
