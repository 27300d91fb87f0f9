package org.onepro.data.dataset;

import java.nio.file.Path;

/**
 * Opens a volume task folder ({@code imagesTr/} + {@code labelsTr/}) as a {@link TaskDataset}. It is a separate
 * hook so that {@link DatasetRoot} can list mixed roots without depending on how volumes are read and sliced.
 */
@FunctionalInterface
public interface VolumeTaskOpener {

    /**
     * Opens one volume task.
     *
     * @param taskDir the task folder, which holds an {@code imagesTr/} folder
     * @return the task, never null
     * @throws org.onepro.core.error.InvalidInputException if the folder is not a valid volume task
     */
    TaskDataset open(Path taskDir);
}
