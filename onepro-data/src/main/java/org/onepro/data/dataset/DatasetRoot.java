package org.onepro.data.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.volume.VolumeFolderTask;

/**
 * Opens every task under one or more data roots. A root holds one folder per task: folders with an
 * {@code images/} folder are 2-D tasks ({@link ImageFolderTask}), folders with an {@code imagesTr/} folder are
 * volume tasks (opened by a {@link VolumeTaskOpener}); other folders, hidden folders and plain files are skipped
 * so that notes and READMEs can sit beside the tasks.
 */
public final class DatasetRoot {

    private DatasetRoot() {
    }

    /**
     * The opener used when none is given: axial slices (fixed z), listing only slices that hold a target, since
     * an episode needs a target and most slices of a CT or MR volume hold none.
     */
    public static final VolumeTaskOpener AXIAL_TARGET_SLICES = dir -> VolumeFolderTask.open(dir, 2, true);

    /**
     * Opens every task under a root; volume tasks are read as {@link #AXIAL_TARGET_SLICES}.
     *
     * @param root the data root
     * @return the tasks, sorted by name
     * @throws InvalidInputException if the root is not a folder, holds no task, or a task folder is invalid
     */
    public static List<TaskDataset> open(Path root) {
        return open(root, AXIAL_TARGET_SLICES);
    }

    /**
     * Opens every task under a root.
     *
     * @param root    the data root
     * @param volumes opens the volume task folders
     * @return the tasks, sorted by name
     * @throws InvalidInputException if the root is not a folder, holds no task, two tasks share a name, or a
     *                               task folder is invalid
     */
    public static List<TaskDataset> open(Path root, VolumeTaskOpener volumes) {
        return open(List.of(root), volumes);
    }

    /**
     * Opens and merges the tasks of several roots; volume tasks are read as {@link #AXIAL_TARGET_SLICES}.
     *
     * @param roots the data roots
     * @return the tasks of all roots, sorted by name
     * @throws InvalidInputException as {@link #open(Path)} does for each root, and if two roots hold a task of
     *                               the same name (the message names both folders)
     */
    public static List<TaskDataset> open(List<Path> roots) {
        return open(roots, AXIAL_TARGET_SLICES);
    }

    /**
     * Opens and merges the tasks of several roots.
     *
     * @param roots   the data roots, at least one
     * @param volumes opens the volume task folders
     * @return the tasks of all roots, sorted by name
     * @throws InvalidInputException as {@link #open(Path, VolumeTaskOpener)} does for each root, and if two
     *                               roots hold a task of the same name (the message names both folders)
     */
    public static List<TaskDataset> open(List<Path> roots, VolumeTaskOpener volumes) {
        if (roots.isEmpty()) {
            throw new InvalidInputException("no data roots given");
        }
        Map<String, TaskDataset> tasks = new TreeMap<>();
        Map<String, Path> folders = new TreeMap<>();
        for (Path root : roots) {
            for (Path dir : taskFolders(root)) {
                TaskDataset task = openTask(dir, volumes);
                Path previous = folders.putIfAbsent(task.name(), dir);
                if (previous != null) {
                    throw new InvalidInputException("two tasks are named '" + task.name() + "': " + previous
                            + " and " + dir);
                }
                tasks.put(task.name(), task);
            }
        }
        return List.copyOf(tasks.values());
    }

    private static List<Path> taskFolders(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("data root " + dir + " does not exist or is not a folder");
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                boolean hidden = child.getFileName().toString().startsWith(".");
                if (!hidden && (Files.isDirectory(child.resolve("images"))
                        || Files.isDirectory(child.resolve("imagesTr")))) {
                    found.add(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new InvalidInputException("no task folders (images/ + masks/) under " + dir
                    + "; volume tasks need imagesTr/ + labelsTr/");
        }
        return found;
    }

    private static TaskDataset openTask(Path dir, VolumeTaskOpener volumes) {
        boolean flat = Files.isDirectory(dir.resolve("images"));
        boolean volume = Files.isDirectory(dir.resolve("imagesTr"));
        if (flat && volume) {
            throw new InvalidInputException("task folder " + dir + " holds both images/ and imagesTr/; keep one"
                    + " so it is clear whether it is a 2-D or a volume task");
        }
        if (flat) {
            return ImageFolderTask.open(dir);
        }
        TaskDataset task = volumes.open(dir);
        if (task == null) {
            throw new InvalidInputException("the volume task opener returned nothing for " + dir);
        }
        return task;
    }
}
