package org.onepro.model.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.onepro.core.prompt.PromptType;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.TestPrompts;
import org.onepro.model.config.ConfigJson;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;

class WeightTransferTest {

    private static float[] logits(OnePromptModel model, NDManager manager, PromptType type) {
        NDList in = TestPrompts.forwardInputs(manager, type, model.config().inputSize(), 2);
        return model.forward(new ParameterStore(manager, false), in, false).get(0).toFloatArray();
    }

    @Test
    void aWidenedModelComputesWhatTheOldOneDidUntilTrained() {
        OnePromptConfig full = ModelPresets.get("tiny");
        assertTrue(full.pastedPrompt() && full.refineStage());
        // From before the pasted prompt (which also lacks the refinement stage), and from before the stage only.
        assertWidensExactly(full.withPastedPrompt(false), full);
        assertWidensExactly(full.withRefineStage(false), full);
    }

    private static void assertWidensExactly(OnePromptConfig from, OnePromptConfig to) {
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel old = new OnePromptModel(from);
            old.initialize(manager, 7);
            OnePromptModel widened = new OnePromptModel(to);
            widened.initialize(manager, 8);
            WeightTransfer.widen(old, widened);
            // The widened head and fusion take more inputs, or have more blocks, than the old ones.
            assertTrue(widened.parameterCount() > old.parameterCount());
            for (PromptType type : PromptType.values()) {
                assertArrayEquals(logits(old, manager, type), logits(widened, manager, type), 1e-5f, type.name());
            }
            // The other way would drop trained weights, and is refused.
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WeightTransfer.widen(widened, old));
            assertTrue(e.getMessage().contains("parameter"), e.getMessage());
        }
    }

    @Test
    void aTargetWithBlocksTheSourceLacksIsRefusedUnlessTheyAreTheRefinementStage() {
        OnePromptConfig full = ModelPresets.get("tiny");
        try (NDManager manager = NDManager.newBaseManager()) {
            // Without the prompt prior the source lacks more than the refinement stage; random weights for those
            // blocks would not compute what the old model did.
            OnePromptModel old = new OnePromptModel(full.withPromptPrior(false));
            old.initialize(manager, 7);
            OnePromptModel target = new OnePromptModel(full);
            target.initialize(manager, 8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WeightTransfer.widen(old, target));
            assertTrue(e.getMessage().contains("the source model has no parameter"), e.getMessage());
        }
    }

    @Test
    void modelsOfOtherSizesAreRefusedByParameterName() {
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel tiny = new OnePromptModel(ModelPresets.get("tiny"));
            tiny.initialize(manager, 1);
            OnePromptModel small = new OnePromptModel(ModelPresets.get("small"));
            small.initialize(manager, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WeightTransfer.widen(tiny, small));
            assertTrue(e.getMessage().contains("parameter"), e.getMessage());
        }
    }

    @Test
    void aModelFileWrittenBeforeThePastedPromptReadsAsWithoutIt() {
        String json = ConfigJson.toJson(ModelPresets.get("tiny").withPastedPrompt(false))
                .replace(",\n  \"pastedPrompt\": false", "").replace(",\n  \"refineStage\": false", "");
        assertFalse(json.contains("pastedPrompt") || json.contains("refineStage"), json);
        assertFalse(ConfigJson.fromJson(json).pastedPrompt());
        assertFalse(ConfigJson.fromJson(json).refineStage());
    }

    @Test
    void aModelFileWrittenBeforeTheRefinementStageReadsAsWithoutIt() {
        String json = ConfigJson.toJson(ModelPresets.get("tiny").withRefineStage(false))
                .replace(",\n  \"refineStage\": false", "");
        assertFalse(json.contains("refineStage"), json);
        OnePromptConfig read = ConfigJson.fromJson(json);
        assertTrue(read.pastedPrompt());
        assertFalse(read.refineStage());
        assertEquals(ModelPresets.get("tiny"), read.withRefineStage(true));
    }
}
