package org.onepro.data.dataset;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads every task of the shared development data, when this checkout has it beside the repository; the
 * folder is not part of the repository, so elsewhere the test is skipped.
 */
class SharedDataTest {

    /** Share of samples that must have a non-empty mask; a few slices at an organ's edge may be empty. */
    private static final double MIN_NON_EMPTY = 0.8;

    private static Path sharedData() {
        String dir = System.getProperty("onepro.shared.dir");
        Path data = dir == null ? null : Path.of(dir, "data").toAbsolutePath().normalize();
        Assumptions.assumeTrue(data != null && Files.isDirectory(data),
                "shared data not present: " + (data == null ? "system property onepro.shared.dir is not set" : data));
        return data;
    }

    @Test
    void everySharedTaskOpensAndLoads() throws IOException {
        Path data = sharedData();
        List<Path> taskFolders;
        try (Stream<Path> children = Files.list(data)) {
            taskFolders = children.filter(p -> Files.isDirectory(p.resolve("images"))).sorted().toList();
        }
        List<TaskDataset> tasks = DatasetRoot.open(data);
        assertEquals(taskFolders.stream().map(p -> p.getFileName().toString()).toList(),
                tasks.stream().map(TaskDataset::name).toList());
        // assertAll checks every task even after one fails, so a single run reports all broken tasks.
        assertAll(tasks.stream().map(task -> () -> check(task)));
    }

    private static void check(TaskDataset task) {
        assertFalse(task.ids().isEmpty(), task.name());
        SortedSet<String> sizes = new TreeSet<>();
        SortedSet<Integer> labels = new TreeSet<>();
        int nonEmpty = 0;
        for (String id : task.ids()) {
            LabeledImage sample = task.load(id);
            assertEquals(task.name(), sample.task());
            assertEquals(id, sample.id());
            sizes.add(sample.image().height() + "x" + sample.image().width());
            labels.addAll(sample.labels().labels());
            nonEmpty += sample.labels().labels().isEmpty() ? 0 : 1;
        }
        int n = task.ids().size();
        System.out.printf("shared task %s: %d samples, sizes (HxW) %s, labels %s, %d non-empty masks%n", task.name(), n,
                sizes, labels, nonEmpty);
        assertTrue(nonEmpty >= MIN_NON_EMPTY * n, task.name() + ": only " + nonEmpty + " of " + n
                + " masks are non-empty");
    }
}
