package org.onepro.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SegmentationLossTest {

    private static final float[] LOGITS = {2f, -1f, 0.5f, -3f, 30f, -30f, 0f, 1f};
    private static final float[] TARGET = {1f, 0f, 0f, 1f, 1f, 0f, 1f, 1f};

    private static double bce(double x, double y, double w) {
        double p = 1 / (1 + Math.exp(-x));
        return -(w * y * Math.log(Math.max(p, 1e-300)) + (1 - y) * Math.log(Math.max(1 - p, 1e-300)));
    }

    @Test
    void crossEntropyMatchesItsDefinitionPerSampleEvenForLargeLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(LOGITS, new Shape(2, 1, 2, 2));
            NDArray y = m.create(TARGET, new Shape(2, 1, 2, 2));
            float[] plain = SegmentationLoss.binaryCrossEntropy(x, y).toFloatArray();
            float[] weighted = SegmentationLoss.weightedBinaryCrossEntropy(x, y, 3f).toFloatArray();
            for (int b = 0; b < 2; b++) {
                double expected = 0;
                double expectedWeighted = 0;
                for (int k = 0; k < 4; k++) {
                    expected += bce(LOGITS[b * 4 + k], TARGET[b * 4 + k], 1) / 4;
                    expectedWeighted += bce(LOGITS[b * 4 + k], TARGET[b * 4 + k], 3) / 4;
                }
                assertEquals(expected, plain[b], 1e-5, "sample " + b);
                assertEquals(expectedWeighted, weighted[b], 1e-5, "weighted sample " + b);
            }
        }
    }

    @Test
    void diceLossIsZeroForAConfidentPerfectPredictionAndNearOneForTheOpposite() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(new float[] {1, 1, 0, 0}, new Shape(1, 1, 2, 2));
            NDArray right = m.create(new float[] {20, 20, -20, -20}, new Shape(1, 1, 2, 2));
            NDArray wrong = right.neg();
            assertEquals(0, SegmentationLoss.softDice(right, y).getFloat(), 1e-4);
            // (2 * 0 + 1) / (2 + 2 + 1) with smoothing 1.
            assertEquals(0.8, SegmentationLoss.softDice(wrong, y).getFloat(), 1e-4);
        }
    }

    @Test
    void aNonPositiveClassWeightIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SegmentationLoss(0.1f, 0f));
    }
}
