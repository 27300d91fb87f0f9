package org.onepro.data.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.augment.Augmentation;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.DemoData;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.SplitFractions;
import org.onepro.data.dataset.Splits;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.transform.Preprocess;

/**
 * Runs the whole training-data path (files, splits, preprocessing, augmentation, simulated prompts, sampler,
 * background stream) on real data: the repository's demo tasks always, the shared development data when present.
 */
class RealDataEpisodesTest {

    private static final int SIZE = 64;

    private static EpisodeSampler sampler(List<TaskDataset> tasks, long seed) {
        Splits splits = Splits.create(tasks, SplitFractions.DEFAULT, seed);
        return EpisodeSampler.builder()
                .setTasks(tasks)
                .setTemplateIds(task -> splits.ids(task, Split.TEMPLATE))
                .setQueryIds(task -> splits.ids(task, Split.TRAIN))
                .optPreprocess(Preprocess.forModel(SIZE, 3))
                .optAugment(Augmentation.standard())
                .optSeed(seed)
                .build();
    }

    /** Checks what the trainer relies on, for every episode of {@code batches} batches. */
    private static Map<PromptType, Integer> checkStream(List<TaskDataset> tasks, int batches) {
        Map<PromptType, Integer> types = new EnumMap<>(PromptType.class);
        Map<String, Integer> perTask = new HashMap<>();
        try (EpisodeStream stream = new EpisodeStream(sampler(tasks, 11), 8, 2, 2, 0)) {
            for (int b = 0; b < batches; b++) {
                for (Episode e : stream.next()) {
                    String where = e.task() + " episode " + e.index();
                    assertEquals(3, e.query().image().channels(), where);
                    assertEquals(SIZE, e.query().image().height(), where);
                    assertEquals(SIZE, e.template().image().width(), where);
                    assertFalse(e.queryMask().isEmpty(), where);
                    assertFalse(e.templateMask().isEmpty(), where);
                    for (float v : e.query().image().data()) {
                        assertTrue(v >= 0f && v <= 1f, where + ": intensity " + v + " outside [0, 1]");
                    }
                    // A prompt that does not fit the template would be rejected by the segmenter at training time.
                    e.prompt().validate(SIZE, SIZE);
                    types.merge(e.prompt().type(), 1, Integer::sum);
                    perTask.merge(e.task(), 1, Integer::sum);
                }
            }
        }
        assertEquals(tasks.size(), perTask.size(), "every task appears: " + perTask);
        return types;
    }

    @Test
    void demoTasksGiveValidEpisodesOfEveryPromptType() {
        Map<PromptType, Integer> types = checkStream(DemoData.open(), 20);

        assertEquals(PromptType.values().length, types.size(), types.toString());
    }

    @Test
    void everySharedTaskGivesValidEpisodes() {
        String dir = System.getProperty("onepro.shared.dir");
        Path data = dir == null ? null : Path.of(dir, "data");
        Assumptions.assumeTrue(data != null && Files.isDirectory(data), "shared data not present: " + data);
        List<TaskDataset> tasks = new ArrayList<>(DatasetRoot.open(data));

        checkStream(tasks, 40);
    }
}
