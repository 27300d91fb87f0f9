package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.TaskDataset;

/**
 * Creates families of synthetic tasks: scenes of separate shapes ({@link #create}) and anatomy-like structures
 * ({@link #structures}). Task {@code i} is drawn from {@code (seed, i)} alone, so a task stays the same when more
 * or fewer tasks are created around it.
 */
public final class SyntheticTasks {

    private static final long STRUCTURE_STREAM = 0x5354525543L;

    private SyntheticTasks() {
    }

    /**
     * Creates tasks {@code 0 .. taskCount - 1}.
     *
     * @param taskCount      how many tasks, at least 0
     * @param samplesPerTask samples in each task, positive
     * @param imageSize      the image side in pixels, at least {@value SyntheticTaskSpec#MIN_IMAGE_SIZE}
     * @param seed           the family's seed
     * @return the tasks, in index order
     */
    public static List<TaskDataset> create(int taskCount, int samplesPerTask, int imageSize, long seed) {
        if (taskCount < 0) {
            throw new InvalidInputException("task count must not be negative, was " + taskCount);
        }
        List<TaskDataset> tasks = new ArrayList<>(taskCount);
        for (int i = 0; i < taskCount; i++) {
            tasks.add(task(i, samplesPerTask, imageSize, seed));
        }
        return List.copyOf(tasks);
    }

    /**
     * Creates one task of the family, equal to the one {@link #create} makes at that index.
     *
     * @param index          the task's index, at least 0
     * @param samplesPerTask samples in the task, positive
     * @param imageSize      the image side in pixels
     * @param seed           the family's seed
     * @return the task
     */
    public static SyntheticTask task(int index, int samplesPerTask, int imageSize, long seed) {
        if (index < 0) {
            throw new InvalidInputException("task index must not be negative, was " + index);
        }
        if (imageSize < SyntheticTaskSpec.MIN_IMAGE_SIZE) {
            throw new InvalidInputException("synthetic images must be at least " + SyntheticTaskSpec.MIN_IMAGE_SIZE
                    + " pixels wide, was " + imageSize);
        }
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, index));
        return new SyntheticTask(index, TaskSpecSampler.sample(imageSize, rng), samplesPerTask);
    }

    /**
     * Creates structure tasks {@code 0 .. taskCount - 1}, the families taken in turn (task {@code i} is of family
     * {@code i mod 4}); like {@link #create}, task {@code i} depends on {@code (seed, i)} alone.
     *
     * @param taskCount      how many tasks, at least 0
     * @param samplesPerTask samples in each task, positive
     * @param imageSize      the image side in pixels
     * @param seed           the family's seed
     * @return the tasks, in index order
     */
    public static List<TaskDataset> structures(int taskCount, int samplesPerTask, int imageSize, long seed) {
        if (taskCount < 0) {
            throw new InvalidInputException("structure task count must not be negative, was " + taskCount);
        }
        StructureFamily[] families = StructureFamily.values();
        List<TaskDataset> tasks = new ArrayList<>(taskCount);
        for (int i = 0; i < taskCount; i++) {
            // A different stream from the shape tasks', so task i of each family of generators is unrelated.
            tasks.add(StructureTask.create(i, families[i % families.length], imageSize, samplesPerTask,
                    Seeds.mix(Seeds.mix(seed, STRUCTURE_STREAM), i)));
        }
        return List.copyOf(tasks);
    }
}
