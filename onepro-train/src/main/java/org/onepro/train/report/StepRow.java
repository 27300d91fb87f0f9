package org.onepro.train.report;

/**
 * One line of {@code steps.csv}.
 *
 * @param step              the number of completed training steps
 * @param loss              the step's loss
 * @param lr                the learning rate the step used
 * @param gradNorm          the global gradient norm before clipping
 * @param episodesPerSecond training throughput around this step
 * @param elapsedSeconds    seconds since the run (or its first start) began
 */
public record StepRow(long step, double loss, double lr, double gradNorm, double episodesPerSecond,
        double elapsedSeconds) {
}
