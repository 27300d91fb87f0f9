package org.onepro.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.data.dataset.SplitFractions;
import org.onepro.data.dataset.Splits;
import org.onepro.data.synthetic.SyntheticTasks;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.config.TrainConfigJson;
import org.onepro.train.optim.AdamW;

class CheckpointStoreTest {

    @TempDir
    Path tmp;

    @Test
    void aWriteKilledMidwayLeavesThePreviousCheckpointLoadable() throws IOException {
        TrainConfig config = TrainConfigJson.fromJson("{}", List.of("preset=tiny", "syntheticRatio=1",
                "outputDir=" + tmp));
        Splits splits = Splits.create(SyntheticTasks.create(2, 4, 32, 1), SplitFractions.DEFAULT, 1);
        CheckpointStore store = new CheckpointStore(tmp.resolve("checkpoints"), 2);
        try (NDManager root = NDManager.newBaseManager(); AdamW adam = AdamW.withDefaults(root, 0f)) {
            OnePromptModel model = new OnePromptModel(ModelPresets.get("tiny"));
            model.initialize(root, 1);
            Path good = store.write(model, adam, new TrainingState(5, 20, true, -1, -1, 1), config, splits);
            byte[] goodWeights = Files.readAllBytes(good.resolve(ModelIO.WEIGHTS));

            model.initialize(root, 2);
            store.onMidWrite(() -> {
                throw new IllegalStateException("killed");
            });
            assertThrows(IllegalStateException.class,
                    () -> store.write(model, adam, new TrainingState(10, 40, true, -1, -1, 2), config, splits));

            // The half-written folder is there, as after a kill -9, but nothing points at it.
            assertTrue(Files.isDirectory(tmp.resolve("checkpoints").resolve(".step-00000010.tmp")));
            assertEquals(good, store.latest().orElseThrow());
            Checkpoint read = CheckpointStore.read(store.latest().orElseThrow(), root);
            assertEquals(5, read.state().step());
            assertArrayEquals(goodWeights, Files.readAllBytes(read.dir().resolve(ModelIO.WEIGHTS)));
        }
    }
}
