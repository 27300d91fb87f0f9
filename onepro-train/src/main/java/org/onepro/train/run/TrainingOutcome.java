package org.onepro.train.run;

import java.nio.file.Path;
import java.util.Optional;
import org.onepro.train.eval.ValidationResult;

/**
 * How a call to {@link Trainer#run()} ended.
 *
 * @param completedSteps steps completed, over all sessions of the run
 * @param finished       whether the run reached its last step (false: it was asked to stop and saved a checkpoint)
 * @param modelDir       the final model folder, when finished
 * @param validation     the last validation, if any ran
 * @param seconds        wall time of the whole run so far
 */
public record TrainingOutcome(long completedSteps, boolean finished, Optional<Path> modelDir,
        Optional<ValidationResult> validation, double seconds) {}
