package org.onepro.train.optim;

/**
 * Linear warm-up from 0 to the peak rate, then cosine decay to the minimum rate at the last step. A pure
 * function of the step, so a resumed run follows the same schedule.
 *
 * @param peak    the rate at the end of the warm-up
 * @param minimum the rate at the last step
 * @param warmup  warm-up steps
 * @param total   total steps
 */
public record LearningRateSchedule(double peak, double minimum, int warmup, int total) {

    /** Checks the values. */
    public LearningRateSchedule {
        if (!(peak > 0) || minimum < 0 || minimum > peak || warmup < 0 || total < 1) {
            throw new IllegalArgumentException("invalid schedule: peak " + peak + ", minimum " + minimum + ", warmup "
                    + warmup + ", total " + total);
        }
    }

    /** The rate of step {@code step} (0-based). */
    public double at(long step) {
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        long decaySteps = Math.max(1, total - warmup - 1);
        double t = Math.min(1.0, (step - warmup) / (double) decaySteps);
        return minimum + 0.5 * (peak - minimum) * (1 + Math.cos(Math.PI * t));
    }
}
