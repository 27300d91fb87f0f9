package org.onepro.model.internal.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;

class OutputHeadTest {

    private static final OnePromptConfig CONFIG = ModelPresets.get("tiny");

    private static float[] logits(OutputHead head, NDManager m, NDArray pasted) {
        return logits(head, CONFIG, m, pasted);
    }

    private static float[] logits(OutputHead head, OnePromptConfig config, NDManager m, NDArray pasted) {
        int s = CONFIG.inputSize();
        m.getEngine().setRandomSeed(3);
        NDList features = new NDList();
        for (int l = 0; l < CONFIG.levels(); l++) {
            int side = s / OnePromptConfig.strideOfLevel(l);
            features.add(m.randomNormal(new Shape(1, CONFIG.encoderWidths().get(l), side, side)));
        }
        NDList priors = new NDList();
        for (int stride : CONFIG.formerStrides()) {
            priors.add(m.randomUniform(0, 1, new Shape(1, CONFIG.tokens(stride), 1)));
        }
        NDArray state = m.randomNormal(new Shape(1, CONFIG.tokens(CONFIG.finestFormerStride()), CONFIG.tokenDim()));
        NDList pyramid = pasted == null ? new NDList() : OutputHead.pastedPyramid(CONFIG, pasted);
        NDArray queryImage = m.randomNormal(new Shape(1, CONFIG.imageChannels(), s, s));
        NDArray templateImage = m.randomNormal(new Shape(1, CONFIG.imageChannels(), s, s));
        NDList full = config.refineStage() && pasted != null ? new NDList(templateImage, pasted) : new NDList();
        return head.apply(new ParameterStore(m, false), state, features, priors, pyramid, queryImage, full, false)
                .get(0).toFloatArray();
    }

    @Test
    void thePastedPromptChangesTheMaskWhereItLies() {
        int s = CONFIG.inputSize();
        try (NDManager m = NDManager.newBaseManager()) {
            OutputHead head = new OutputHead(CONFIG.withRefineStage(false));
            head.initialize(m, DataType.FLOAT32, new Shape(1));
            NDArray none = m.zeros(new Shape(1, 2, s, s));
            NDArray square = m.zeros(new Shape(1, 2, s, s));
            square.set(new ai.djl.ndarray.index.NDIndex(":, 0, 4:12, 4:12"), 1f);
            OnePromptConfig config = CONFIG.withRefineStage(false);
            float[] without = logits(head, config, m, none);
            assertArrayEquals(without, logits(head, config, m, none.duplicate()), "the same inputs give the same mask");
            float[] with = logits(head, config, m, square);
            double near = 0;
            double far = 0;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double d = Math.abs(with[y * s + x] - without[y * s + x]);
                    if (y >= 4 && y < 12 && x >= 4 && x < 12) {
                        near = Math.max(near, d);
                    } else if (y >= 24 && x >= 24) {
                        far = Math.max(far, d);
                    }
                }
            }
            assertTrue(near > 1e-3, "the pasted square moves the logits under it: " + near);
            // Convolutions only reach a few cells: the far corner does not see the square.
            assertTrue(far < near / 10, "far " + far + " near " + near);
        }
    }

    @Test
    void thePastedChannelsAreRequiredExactlyWhenTheConfigHasThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            OutputHead head = new OutputHead(CONFIG);
            head.initialize(m, DataType.FLOAT32, new Shape(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> logits(head, m, null));
            assertTrue(e.getMessage().contains("pastedPrompt"), e.getMessage());
            OutputHead without = new OutputHead(CONFIG.withPastedPrompt(false));
            without.initialize(m, DataType.FLOAT32, new Shape(1));
            NDArray channels = m.zeros(new Shape(1, 2, CONFIG.inputSize(), CONFIG.inputSize()));
            assertThrows(IllegalArgumentException.class, () -> logits(without, m, channels));
        }
    }

    @Test
    void theRefinementStageStartsSilentAndOnceTrainedFollowsSinglePixelsOfThePrompt() {
        int s = CONFIG.inputSize();
        try (NDManager m = NDManager.newBaseManager()) {
            OutputHead head = new OutputHead(CONFIG);
            head.initialize(m, DataType.FLOAT32, new Shape(1));
            OutputHead coarse = new OutputHead(CONFIG.withRefineStage(false));
            coarse.initialize(m, DataType.FLOAT32, new Shape(1));
            for (var p : coarse.getParameters()) {
                head.getParameters().get(p.getKey()).getArray().set(p.getValue().getArray().toByteBuffer());
            }
            NDArray prompt = m.zeros(new Shape(1, 2, s, s));
            prompt.set(new ai.djl.ndarray.index.NDIndex(":, 0, 4:12, 4:12"), 1f);
            assertArrayEquals(logits(coarse, CONFIG.withRefineStage(false), m, prompt), logits(head, m, prompt), 1e-6f,
                    "a zero-initialised refinement stage adds nothing");

            // Two prompts that differ only inside one stride-2 cell pool to the same pyramid: only the refinement
            // stage can tell them apart.
            NDArray left = prompt.duplicate();
            left.set(new ai.djl.ndarray.index.NDIndex(":, 0, 20, 20"), 1f);
            NDArray right = prompt.duplicate();
            right.set(new ai.djl.ndarray.index.NDIndex(":, 0, 21, 21"), 1f);
            OnePromptConfig config = CONFIG.withRefineStage(false);
            assertArrayEquals(logits(coarse, config, m, left), logits(coarse, config, m, right), 1e-6f);
            head.getParameters().stream().filter(p -> p.getKey().endsWith("refineOut_weight")).findFirst()
                    .orElseThrow().getValue().getArray().set(m.ones(new Shape(1, 4)).toByteBuffer());
            float[] l = logits(head, m, left);
            float[] r = logits(head, m, right);
            int at = 20 * s + 20;
            assertTrue(Math.abs(l[at] - r[at]) > 1e-3, "the stage sees which pixel is prompted: " + l[at] + " " + r[at]);
        }
    }
}
