package org.onepro.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.onepro.core.error.InvalidInputException;

/**
 * A list of task names, given inline (comma-separated) or as {@code @FILE} with one name per line ({@code #}
 * starts a comment): the tasks an evaluation runs on, or those a training run holds out. The held-out folds of
 * {@code docs/evaluation.md} are such files, so a fold is named once and evaluation and training read the same
 * list.
 */
public final class TaskSelection {

    private TaskSelection() {
    }

    /**
     * Reads a task list.
     *
     * @param spec comma-separated names, or {@code @FILE}
     * @return the names in the order given, without repeats
     * @throws InvalidInputException if the file cannot be read or names no task
     */
    public static List<String> parse(String spec) {
        List<String> raw = new ArrayList<>();
        if (spec.startsWith("@")) {
            Path file = Path.of(spec.substring(1));
            try {
                for (String line : Files.readAllLines(file)) {
                    int hash = line.indexOf('#');
                    raw.add((hash >= 0 ? line.substring(0, hash) : line).trim());
                }
            } catch (IOException e) {
                throw new InvalidInputException("task list " + file + " could not be read: " + e.getMessage(), e);
            }
        } else {
            raw.addAll(List.of(spec.split(",")));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String r : raw) {
            if (!r.isBlank()) {
                names.add(r.trim());
            }
        }
        if (names.isEmpty()) {
            throw new InvalidInputException("the task list '" + spec + "' names no task");
        }
        return List.copyOf(names);
    }

    /**
     * Keeps the named tasks, in the folder's order.
     *
     * @param tasks the tasks of a data folder
     * @param names the names to keep
     * @return the kept tasks
     * @throws InvalidInputException naming every unknown task and the folder's tasks, if a name is not there
     */
    public static List<TaskDataset> select(List<TaskDataset> tasks, List<String> names) {
        requireKnown(tasks, names);
        return tasks.stream().filter(t -> names.contains(t.name())).toList();
    }

    /**
     * Drops the named tasks, keeping the others in the folder's order.
     *
     * @param tasks the tasks of a data folder
     * @param names the names to drop
     * @return the other tasks
     * @throws InvalidInputException naming every unknown task and the folder's tasks, if a name is not there (a
     *                               misspelt held-out task would otherwise be trained on)
     */
    public static List<TaskDataset> exclude(List<TaskDataset> tasks, List<String> names) {
        requireKnown(tasks, names);
        return tasks.stream().filter(t -> !names.contains(t.name())).toList();
    }

    private static void requireKnown(List<TaskDataset> tasks, List<String> names) {
        Set<String> known = new TreeSet<>();
        tasks.forEach(t -> known.add(t.name()));
        List<String> missing = names.stream().filter(n -> !known.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("no task folder named " + missing + "; the folder holds " + known);
        }
    }
}
