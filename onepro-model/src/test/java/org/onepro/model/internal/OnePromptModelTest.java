package org.onepro.model.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onepro.core.prompt.PromptType;
import org.onepro.model.TestPrompts;
import org.onepro.model.config.MaskingMode;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.config.PromptingMode;

class OnePromptModelTest {

    private static final OnePromptConfig TINY = ModelPresets.get("tiny");

    /** Outputs copied to Java so no native memory outlives a test. */
    record Out(float[] logits, Shape logitShape, float[] iou, Shape iouShape) {}

    private static Out run(OnePromptConfig config, PromptType type, int b, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel model = new OnePromptModel(config);
            model.initialize(manager, seed);
            NDList in = TestPrompts.forwardInputs(manager, type, config.inputSize(), b);
            NDList out = model.forward(new ParameterStore(manager, false), in, false);
            return new Out(out.get(0).toFloatArray(), out.get(0).getShape(), out.get(1).toFloatArray(),
                    out.get(1).getShape());
        }
    }

    @ParameterizedTest
    @EnumSource(PromptType.class)
    void tinyOutputsHaveInputResolutionAtBatchOneAndThree(PromptType type) {
        for (int b : new int[] {1, 3}) {
            Out out = run(TINY, type, b, 7);
            assertEquals(new Shape(b, 1, 32, 32), out.logitShape(), type + " logits at batch " + b);
            assertEquals(new Shape(b, 1), out.iouShape(), type + " IoU at batch " + b);
            for (float v : out.logits()) {
                assertTrue(Float.isFinite(v), "logits must be finite");
            }
            for (float v : out.iou()) {
                assertTrue(v >= 0 && v <= 1, "predicted IoU must lie in [0, 1]: " + v);
            }
        }
    }

    @Test
    void everyAblationSwitchRuns() {
        for (PromptingMode p : PromptingMode.values()) {
            for (MaskingMode m : MaskingMode.values()) {
                OnePromptConfig c = TINY.withPromptingMode(p).withMaskingMode(m);
                Out out = run(c, PromptType.CLICK, 2, 3);
                assertEquals(new Shape(2, 1, 32, 32), out.logitShape(), p + "/" + m);
                for (float v : out.logits()) {
                    assertTrue(Float.isFinite(v), p + "/" + m + " gives non-finite logits");
                }
            }
        }
        for (boolean channels : new boolean[] {false, true}) {
            for (boolean prior : new boolean[] {false, true}) {
                OnePromptConfig c = TINY.withPromptChannels(channels).withPromptPrior(prior);
                assertEquals(new Shape(1, 1, 32, 32), run(c, PromptType.DOODLE, 1, 3).logitShape());
            }
        }
    }

    @Test
    void sameSeedGivesSameWeightsAndOutputsAndAnotherSeedDoesNot() {
        float[] a = run(TINY, PromptType.BBOX, 2, 11).logits();
        float[] b = run(TINY, PromptType.BBOX, 2, 11).logits();
        float[] c = run(TINY, PromptType.BBOX, 2, 12).logits();
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void theOutputDependsOnThePrompt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel model = new OnePromptModel(TINY);
            model.initialize(manager, 5);
            ParameterStore ps = new ParameterStore(manager, false);
            NDList click = TestPrompts.forwardInputs(manager, PromptType.CLICK, 32, 1);
            NDList seg = TestPrompts.forwardInputs(manager, PromptType.SEGLAB, 32, 1);
            float[] a = model.forward(ps, click, false).get(0).toFloatArray();
            float[] b = model.forward(ps, seg, false).get(0).toFloatArray();
            assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        }
    }

    @Test
    void presetsHaveTheDocumentedTokenCounts() {
        assertEquals(16, TINY.tokens(8));
        assertEquals(64, TINY.tokens(4));
        OnePromptConfig small = ModelPresets.get("small");
        assertEquals(java.util.List.of(16, 64, 256),
                small.formerStrides().stream().map(small::tokens).toList());
        OnePromptConfig base = ModelPresets.get("base");
        assertEquals(java.util.List.of(64, 256, 1024),
                base.formerStrides().stream().map(base::tokens).toList());
    }
}
