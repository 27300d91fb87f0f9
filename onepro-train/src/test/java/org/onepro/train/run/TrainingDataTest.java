package org.onepro.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.data.dataset.Split;
import org.onepro.data.episode.Episode;
import org.onepro.data.episode.EpisodeSource;
import org.onepro.train.config.TrainConfig;

class TrainingDataTest {

    @TempDir
    Path out;

    @Test
    void templatesComeFromTheTemplateSplitUnlessTrainImagesAreAllowed() {
        Set<String> fromTemplateSplit = crossImageTemplateSplits(TinyRuns.config(out, 1));
        Set<String> withTrain = crossImageTemplateSplits(TinyRuns.config(out, 1, "templatesFromTrain=true"));

        assertEquals(Set.of(Split.TEMPLATE.key()), fromTemplateSplit);
        assertEquals(Set.of(Split.TEMPLATE.key(), Split.TRAIN.key()), withTrain);
    }

    /** The splits the templates of 300 cross-image episodes were drawn from. */
    private static Set<String> crossImageTemplateSplits(TrainConfig config) {
        TrainingData data = TrainingData.open(config, 64);
        EpisodeSource episodes = data.episodes(config, 64, 1);
        Set<String> splits = new HashSet<>();
        for (long i = 0; i < 300; i++) {
            Episode e = episodes.episode(i);
            if (e.template().id().equals(e.query().id())) {
                continue;
            }
            String task = e.task();
            String id = e.template().id();
            Split split = data.splits().ids(task, Split.TEMPLATE).contains(id) ? Split.TEMPLATE
                    : data.splits().ids(task, Split.TRAIN).contains(id) ? Split.TRAIN : null;
            assertTrue(split != null, "template " + task + "/" + id + " is from neither the template nor the train split");
            splits.add(split.key());
        }
        return splits;
    }
}
