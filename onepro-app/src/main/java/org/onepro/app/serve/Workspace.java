package org.onepro.app.serve;

import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks under the served data folder and the uploads. Names and ids from the browser are only ever looked up
 * in the lists opened here, never joined onto a path, so no request can reach a file outside the folder.
 */
final class Workspace {

    /** The pseudo-task of uploaded images. */
    static final String UPLOADS = "uploads";
    private static final int CACHED_SAMPLES = 64;

    private final Path root;
    private final Map<String, TaskDataset> tasks = new LinkedHashMap<>();
    private final Uploads uploads = new Uploads();
    private final Map<String, Sample> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sample> eldest) {
            return size() > CACHED_SAMPLES;
        }
    };

    /**
     * Opens the task folders under {@code root} (the layout of {@link DatasetRoot}); null serves uploads only.
     */
    Workspace(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        if (this.root != null) {
            for (TaskDataset t : DatasetRoot.open(this.root)) {
                if (t.name().equals(UPLOADS)) {
                    throw new IllegalArgumentException("a task may not be named '" + UPLOADS + "' (the page's name"
                            + " for uploaded images)");
                }
                tasks.put(t.name(), t);
            }
        }
    }

    Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    List<TaskDataset> tasks() {
        return List.copyOf(tasks.values());
    }

    Uploads uploads() {
        return uploads;
    }

    /** A task by its exact name. */
    TaskDataset task(String name) {
        TaskDataset t = name == null ? null : tasks.get(name);
        if (t == null) {
            throw ApiException.notFound("no task named '" + name + "'" + (tasks.isEmpty() ? " (no data folder is"
                    + " served)" : "; tasks: " + String.join(", ", tasks.keySet())));
        }
        return t;
    }

    /** The ids of a task's images, or of the uploads. */
    List<String> ids(String task) {
        return UPLOADS.equals(task) ? uploads.ids() : task(task).ids();
    }

    /** An image of a task (with its ground truth) or an upload. */
    Sample sample(String task, String id) {
        if (UPLOADS.equals(task)) {
            return new Sample(task, id, uploads.get(id), Optional.empty());
        }
        TaskDataset t = task(task);
        if (id == null || !t.ids().contains(id)) {
            throw ApiException.notFound("task " + task + " has no image '" + id + "'");
        }
        String key = task + "\u0000" + id;
        synchronized (cache) {
            Sample cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        LabeledImage loaded = t.load(id);
        Sample s = new Sample(task, id, loaded.image(), Optional.of(loaded.labels()));
        synchronized (cache) {
            cache.put(key, s);
        }
        return s;
    }

    /** The folder of a served task, for the files the page saves beside its data. */
    Path taskFolder(String task) {
        if (root == null || UPLOADS.equals(task)) {
            throw ApiException.badRequest("uploaded images have no data folder to save into; serve a folder with"
                    + " --data to save prompts and masks");
        }
        Path folder = root.resolve(task(task).name()).normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) {
            throw ApiException.notFound("task " + task + " has no folder under " + root);
        }
        return folder;
    }
}
