package org.onepro.train.run;

/** Called after every completed step of the main stage (for monitoring; must not hold the trainer up). */
@FunctionalInterface
public interface StepListener {

    /**
     * @param step the number of completed steps
     * @param loss the step's loss
     */
    void afterStep(long step, double loss);
}
