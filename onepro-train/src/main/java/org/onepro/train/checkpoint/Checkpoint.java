package org.onepro.train.checkpoint;

import ai.djl.ndarray.NDList;
import java.nio.file.Path;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.train.config.TrainConfig;

/**
 * A checkpoint read back: the model, the optimiser state and the trainer's state, with the config it was made
 * under. The arrays live in the manager given to {@link CheckpointStore#read}.
 *
 * @param dir            the checkpoint folder
 * @param model          the model with the saved weights
 * @param optimizerState the optimiser's moments ({@code m/NAME}, {@code v/NAME})
 * @param optimizerSteps the optimiser's update count
 * @param state          the trainer's state
 * @param config         the training config
 */
public record Checkpoint(Path dir, OnePromptModel model, NDList optimizerState, long optimizerSteps,
        TrainingState state, TrainConfig config) {}
