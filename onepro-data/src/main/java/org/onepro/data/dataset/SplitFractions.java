package org.onepro.data.dataset;

import org.onepro.core.error.InvalidInputException;

/**
 * The share of each task's samples that goes to each split.
 *
 * @param template share of template samples
 * @param train    share of training samples
 * @param val      share of validation samples
 * @param test     share of test samples
 */
public record SplitFractions(double template, double train, double val, double test) {

    /** 10 % templates, 70 % training, 10 % validation, 10 % test. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.1, 0.7, 0.1, 0.1);

    private static final double SUM_TOLERANCE = 1e-9;

    /**
     * Checks that every share is finite and non-negative and that they sum to 1.
     *
     * @throws InvalidInputException naming the offending share or the sum
     */
    public SplitFractions {
        double[] shares = {template, train, val, test};
        double sum = 0;
        for (Split s : Split.values()) {
            double f = shares[s.ordinal()];
            if (!Double.isFinite(f) || f < 0) {
                throw new InvalidInputException("split fraction " + s.key() + " is " + f
                        + "; every fraction must be finite and >= 0");
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new InvalidInputException("split fractions " + template + " + " + train + " + " + val + " + "
                    + test + " sum to " + sum + ", not 1");
        }
    }

    /**
     * The share of one split.
     *
     * @param split the split
     * @return its fraction
     */
    public double of(Split split) {
        return switch (split) {
            case TEMPLATE -> template;
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        };
    }
}
