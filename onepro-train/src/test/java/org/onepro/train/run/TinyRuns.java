package org.onepro.train.run;

import java.nio.file.Path;
import java.util.List;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.config.TrainConfigJson;

/** Small training configs on the tiny preset and synthetic tasks, for tests. */
final class TinyRuns {

    private TinyRuns() {}

    static TrainConfig config(Path out, int steps, String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of("preset=tiny", "steps=" + steps, "batchSize=4",
                "syntheticRatio=1", "syntheticTasks=6", "syntheticSamples=10", "autoencoderSteps=3",
                "warmupSteps=5", "learningRate=0.003", "validateEvery=0", "validationQueries=1",
                "checkpointEvery=5", "outputDir=" + out));
        all.addAll(List.of(overrides));
        return TrainConfigJson.fromJson("{}", all);
    }
}
