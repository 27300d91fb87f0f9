package org.onepro.train.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.augment.Flip;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;

/**
 * A task whose every sample is mirrored the same way: the images a user would send from a scanner or viewer that
 * stores them in another orientation. Measuring a model on it shows whether the model follows the prompt or has
 * learnt where targets usually lie.
 */
public final class MirroredTask implements TaskDataset {

    /** How the samples are mirrored. */
    public enum Mirror {
        /** Not at all. */
        NONE(false, false),
        /** Left-right. */
        HORIZONTAL(true, false),
        /** Top-bottom. */
        VERTICAL(false, true),
        /** Both ways (a half turn). */
        BOTH(true, true);

        private final boolean horizontal;
        private final boolean vertical;

        Mirror(boolean horizontal, boolean vertical) {
            this.horizontal = horizontal;
            this.vertical = vertical;
        }

        /**
         * The mirror of a name, in any case: {@code none}, {@code horizontal}, {@code vertical} or {@code both}.
         *
         * @throws InvalidInputException for any other name, listing the valid ones
         */
        public static Mirror fromName(String name) {
            for (Mirror m : values()) {
                if (m.name().equalsIgnoreCase(name)) {
                    return m;
                }
            }
            throw new InvalidInputException("unknown mirror '" + name + "': use one of "
                    + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private final TaskDataset task;
    private final Mirror mirror;

    /**
     * Wraps a task.
     *
     * @param task   the task whose samples to mirror
     * @param mirror how to mirror them
     */
    public MirroredTask(TaskDataset task, Mirror mirror) {
        this.task = Objects.requireNonNull(task, "task");
        this.mirror = Objects.requireNonNull(mirror, "mirror");
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public List<String> ids() {
        return task.ids();
    }

    @Override
    public LabeledImage load(String id) {
        return Flip.mirror(task.load(id), mirror.horizontal, mirror.vertical);
    }
}
