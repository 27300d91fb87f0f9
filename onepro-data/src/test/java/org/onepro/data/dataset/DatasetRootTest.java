package org.onepro.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class DatasetRootTest {

    @TempDir
    Path tmp;

    private static List<String> names(List<TaskDataset> tasks) {
        return tasks.stream().map(TaskDataset::name).toList();
    }

    @Test
    void tasksAreSortedByNameAndOtherEntriesSkipped() throws IOException {
        Path root = tmp.resolve("root");
        TaskFolders.task(root, "liver", "x");
        TaskFolders.task(root, "brain", "p", "q");
        TaskFolders.task(root, "kidney", "k");
        Files.createDirectories(root.resolve("notes"));
        Files.writeString(root.resolve("README.md"), "tasks");

        List<TaskDataset> tasks = DatasetRoot.open(root);

        assertEquals(List.of("brain", "kidney", "liver"), names(tasks));
        assertInstanceOf(ImageFolderTask.class, tasks.get(0));
        assertEquals(List.of("p", "q"), tasks.get(0).ids());
    }

    @Test
    void anEmptyRootIsAnError() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("empty"));
        Files.createDirectories(root.resolve("notatask"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetRoot.open(root));

        assertTrue(e.getMessage().startsWith("no task folders (images/ + masks/) under " + root), e.getMessage());
    }

    @Test
    void aMissingRootIsAnError() {
        Path missing = tmp.resolve("nowhere");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetRoot.open(missing));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void volumeTasksGoThroughTheOpenerAndSortWithTheOthers() throws IOException {
        Path root = tmp.resolve("mixed");
        TaskFolders.task(root, "b_flat", "a");
        Files.createDirectories(root.resolve("a_volume").resolve("imagesTr"));
        Files.createDirectories(root.resolve("c_volume").resolve("imagesTr"));
        List<Path> opened = new ArrayList<>();

        List<TaskDataset> tasks = DatasetRoot.open(root, dir -> {
            opened.add(dir);
            return new TaskFolders.ListedTask(dir.getFileName().toString(), List.of("v#2:0"));
        });

        assertEquals(List.of("a_volume", "b_flat", "c_volume"), names(tasks));
        assertEquals(List.of(root.resolve("a_volume"), root.resolve("c_volume")), opened);
        assertEquals(List.of("v#2:0"), tasks.get(0).ids());
    }

    @Test
    void severalRootsAreMergedAndSorted() {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        TaskFolders.task(first, "zeta", "a");
        TaskFolders.task(second, "alpha", "a");
        TaskFolders.task(second, "mu", "a");

        assertEquals(List.of("alpha", "mu", "zeta"), names(DatasetRoot.open(List.of(first, second))));
    }

    @Test
    void aTaskNameInTwoRootsIsAnErrorNamingBothFolders() {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        Path one = TaskFolders.task(first, "nuclei", "a");
        Path two = TaskFolders.task(second, "nuclei", "b");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DatasetRoot.open(List.of(first, second)));

        assertTrue(e.getMessage().contains(one.toString()) && e.getMessage().contains(two.toString()),
                e.getMessage());
    }

    @Test
    void aFolderWithBothLayoutsIsAnError() throws IOException {
        Path root = tmp.resolve("both");
        Path task = TaskFolders.task(root, "ambiguous", "a");
        Files.createDirectories(task.resolve("imagesTr"));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DatasetRoot.open(root, dir -> new TaskFolders.ListedTask("v", List.of("x"))));

        assertTrue(e.getMessage().contains(task.toString()), e.getMessage());
    }
}
