package org.onepro.train.run;

import org.onepro.core.error.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.ByteBuffer;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.onepro.model.internal.OnePromptModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.model.io.ModelInfo;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.batch.EpisodeBatches;
import org.onepro.train.batch.TrainingBatch;
import org.onepro.train.checkpoint.CheckpointStore;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.report.StepLog;
import org.onepro.train.report.StepRow;

class TrainerTest {

    @TempDir
    Path tmp;

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static TrainingOutcome train(TrainConfig config, long sessionSteps) {
        try (Trainer t = Trainer.builder().setConfig(config).optConsole(quiet())
                .optSessionLimit(sessionSteps, 1e6).build()) {
            return t.run();
        }
    }

    @Test
    void stoppingAndResumingGivesBitIdenticalWeights() throws IOException {
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        TrainingOutcome a = train(TinyRuns.config(straight, 20, "checkpointEvery=7"), Long.MAX_VALUE);
        TrainingOutcome first = train(TinyRuns.config(resumed, 20, "checkpointEvery=7"), 10);
        assertFalse(first.finished());
        assertEquals(10, first.completedSteps());
        TrainingOutcome b = train(TinyRuns.config(resumed, 20, "checkpointEvery=7"), Long.MAX_VALUE);

        assertTrue(a.finished() && b.finished());
        assertEquals(weights(straight.resolve("model")), weights(resumed.resolve("model")),
                "weights after 10 + resume + 10 steps equal those after 20 straight steps");
        assertEquals(20, StepLog.read(resumed.resolve("steps.csv")).size(), "one log row per step, none twice");
    }

    /** Every parameter's raw bytes, by name (the .npz file itself holds write times, so it is not compared). */
    private static Map<String, List<Byte>> weights(Path modelDir) throws IOException {
        Map<String, List<Byte>> out = new TreeMap<>();
        try (NDManager m = NDManager.newBaseManager()) {
            OnePromptModel model = ModelIO.load(modelDir, m);
            for (Pair<String, Parameter> p : model.getParameters()) {
                ByteBuffer buffer = p.getValue().getArray().toByteBuffer();
                List<Byte> bytes = new ArrayList<>(buffer.remaining());
                while (buffer.hasRemaining()) {
                    bytes.add(buffer.get());
                }
                out.put(p.getKey(), bytes);
            }
        }
        return out;
    }

    private static Map<String, float[]> floats(Path modelDir) throws IOException {
        Map<String, float[]> out = new TreeMap<>();
        try (NDManager m = NDManager.newBaseManager()) {
            for (Pair<String, Parameter> p : ModelIO.load(modelDir, m).getParameters()) {
                out.put(p.getKey(), p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void aGpuThisMachineLacksIsRefusedBeforeTraining() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Trainer.builder().setConfig(TinyRuns.config(tmp.resolve("gpu"), 1, "device=gpu:3")).build());
        assertTrue(e.getMessage().contains("GPU 3 was asked for"), e.getMessage());
    }

    @Test
    void aRunWithAnInitialModelStartsFromItsWeights() throws IOException {
        Path base = tmp.resolve("base");
        train(TinyRuns.config(base, 5), Long.MAX_VALUE);
        Path tuned = tmp.resolve("tuned");
        // A learning rate of 1e-20 leaves float32 weights exactly as loaded, so the saved model shows the start; the
        // mask autoencoder's pre-training (3 steps in these configs) is skipped, or it would move its weights.
        train(TinyRuns.config(tuned, 1, "initialModel=" + base.resolve("model"),
                "learningRate=1e-20", "minLearningRate=0", "warmupSteps=0"), Long.MAX_VALUE);

        assertEquals(weights(base.resolve("model")), weights(tuned.resolve("model")));
    }

    @Test
    void aModelFromBeforeTheRefinementStageIsWidenedAndStartsWhereItWas() throws IOException {
        OnePromptConfig full = ModelPresets.get("tiny");
        Path old = tmp.resolve("old");
        try (NDManager m = NDManager.newBaseManager()) {
            OnePromptModel model = new OnePromptModel(full.withRefineStage(false));
            model.initialize(m, 11);
            ModelIO.save(model, ModelInfo.now(11, "before the refinement stage"), old);
        }
        Path tuned = tmp.resolve("widened");
        train(TinyRuns.config(tuned, 1, "initialModel=" + old, "autoencoderSteps=0", "learningRate=1e-20",
                "minLearningRate=0", "warmupSteps=0"), Long.MAX_VALUE);

        // A step of 1e-20 moves only values that start at zero, and only by about 1e-20.
        Map<String, float[]> before = floats(old);
        Map<String, float[]> after = floats(tuned.resolve("model"));
        assertTrue(after.keySet().containsAll(before.keySet()));
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), 1e-12f, name);
        }
        float[] silent = after.entrySet().stream().filter(e -> e.getKey().endsWith("refineOut_weight"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        for (float v : silent) {
            assertEquals(0f, v, 1e-12f, "the new stage starts silent");
        }
        assertFalse(Trainer.widens(full, full));
        assertFalse(Trainer.widens(full, full.withRefineStage(false)), "a stage is never dropped");
        assertFalse(Trainer.widens(ModelPresets.get("small").withRefineStage(false), full));
    }

    @Test
    void anUnreadableOrMismatchedInitialModelIsNamed() {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> train(
                TinyRuns.config(tmp.resolve("a"), 1, "initialModel=" + tmp.resolve("no-such-model")), 1));
        assertTrue(missing.getMessage().contains("no-such-model"), missing.getMessage());
        InvalidInputException preset = assertThrows(InvalidInputException.class, () -> train(
                TinyRuns.config(tmp.resolve("b"), 1, "initialModel=onepro-small"), 1));
        assertTrue(preset.getMessage().contains("not of preset tiny"), preset.getMessage());
    }

    @Test
    void taskWeightsInARunWithoutRealDataAreRefusedBeforeTraining() {
        Path out = tmp.resolve("weights");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> train(TinyRuns.config(out, 1, "taskWeights=spleen:2"), 1));
        assertTrue(e.getMessage().contains("[spleen]") && e.getMessage().contains("no real data"), e.getMessage());
        assertFalse(Files.exists(out.resolve("checkpoints")), "nothing should have been trained");
    }

    @Test
    void lossFallsOnSyntheticTasks() {
        Path out = tmp.resolve("learn");
        train(TinyRuns.config(out, 240, "batchSize=8", "checkpointEvery=1000"), Long.MAX_VALUE);
        var rows = StepLog.read(out.resolve("steps.csv"));
        double first = rows.subList(0, 20).stream().mapToDouble(StepRow::loss).average().orElseThrow();
        double last = rows.subList(rows.size() - 20, rows.size()).stream().mapToDouble(StepRow::loss)
                .average().orElseThrow();
        // Synthetic tasks at 32 px are hard for the tiny preset; a tenth off in 240 steps is learning, not noise
        // (the loss of a model that learns nothing drifts by a few hundredths).
        assertTrue(last < 0.9 * first, "loss " + first + " -> " + last);
    }

    @Test
    void aNaNInABatchStopsTrainingAndKeepsTheLastCheckpoint() throws IOException {
        Path out = tmp.resolve("nan");
        TrainConfig config = TinyRuns.config(out, 20);
        EpisodeBatches standard = new EpisodeBatches(32, 3);
        int[] calls = {0};
        try (Trainer t = Trainer.builder().setConfig(config).optConsole(quiet()).optBatchAssembler((m, episodes) -> {
            TrainingBatch b = standard.assemble(m, episodes);
            if (++calls[0] == 8) {
                b.query().set(new NDIndex("0, 0, 0, 0"), Float.NaN);
            }
            return b;
        }).build()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, t::run);
            assertTrue(e.getMessage().contains("step 8"), e.getMessage());
            assertTrue(e.getMessage().contains("step-00000005"), e.getMessage());
        }
        Path kept = new CheckpointStore(out.resolve("checkpoints"), 2).latest().orElseThrow();
        assertTrue(kept.endsWith("step-00000005"), kept.toString());
        try (Segmenter s = Segmenter.load(kept)) {
            assertEquals("tiny", s.config().preset());
        }
    }

    @Test
    void threeHundredStepsKeepTheLiveArrayCountFlat() {
        Path out = tmp.resolve("flat");
        TrainConfig config = TinyRuns.config(out, 300, "batchSize=2", "checkpointEvery=1000", "autoencoderSteps=0");
        List<Integer> counts = new ArrayList<>();
        Trainer[] self = new Trainer[1];
        try (Trainer t = Trainer.builder().setConfig(config).optConsole(quiet())
                .optStepListener((step, loss) -> {
                    if (step % 50 == 0) {
                        counts.add(self[0].liveArrays());
                    }
                }).build()) {
            self[0] = t;
            t.run();
        }
        assertEquals(6, counts.size());
        for (int c : counts) {
            assertEquals(counts.get(1), c, "live arrays per 50 steps: " + counts);
        }
    }
}
