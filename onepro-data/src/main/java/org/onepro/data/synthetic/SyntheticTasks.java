package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.TaskDataset;

/**
 * Creates families of synthetic tasks. Task {@code i}'s spec is drawn from {@code (seed, i)} alone, so a task
 * stays the same when more or fewer tasks are created around it.
 */
public final class SyntheticTasks {

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
}
