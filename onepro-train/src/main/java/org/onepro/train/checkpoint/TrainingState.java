package org.onepro.train.checkpoint;

/**
 * The trainer's own state in a checkpoint, beside the weights and the optimiser's moments. With these, a resumed
 * run continues exactly: the learning rate is a function of {@code step}, and the episode stream is a function
 * of the seed and {@code episodePosition}.
 *
 * @param step            completed optimiser steps of the main stage
 * @param episodePosition index of the next episode of the training stream
 * @param autoencoderDone whether the mask autoencoder's pre-training stage is complete
 * @param bestScore       the best validation score so far (mean Dice), or -1 when not validated yet
 * @param bestStep        the step of the best score, or -1
 * @param elapsedSeconds  wall time spent training so far, over all sessions
 */
public record TrainingState(long step, long episodePosition, boolean autoencoderDone, double bestScore,
        long bestStep, double elapsedSeconds) {

    /** The state of a run that has not started. */
    public static TrainingState initial() {
        return new TrainingState(0, 0, false, -1, -1, 0);
    }
}
