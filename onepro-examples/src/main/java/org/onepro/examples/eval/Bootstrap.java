package org.onepro.examples.eval;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals of a mean: resample the values with replacement, take each
 * resample's mean, and read the interval off the sorted means. Seeded, so a report is reproducible.
 */
public final class Bootstrap {

    /** Resamples used by {@code onepro evaluate}. */
    public static final int RESAMPLES = 2000;

    private Bootstrap() {
    }

    /**
     * The 95% percentile-bootstrap interval of the mean (the 2.5th and 97.5th percentiles of the resample means,
     * interpolated linearly).
     *
     * @param values    the sample; {@code NaN}s are not allowed
     * @param resamples how many resamples, at least 1
     * @param seed      the generator seed
     * @return {@code {low, high}}; both {@code NaN} for an empty sample, both the value for a single one
     * @throws IllegalArgumentException if {@code resamples} is below 1
     */
    public static double[] meanInterval95(double[] values, int resamples, long seed) {
        Objects.requireNonNull(values, "values");
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        int n = values.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[rng.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new double[] {HausdorffDistance.interpolatedPercentile(means, 2.5),
                HausdorffDistance.interpolatedPercentile(means, 97.5)};
    }
}
