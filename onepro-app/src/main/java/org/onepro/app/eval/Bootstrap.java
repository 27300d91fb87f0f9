package org.onepro.app.eval;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals of a mean: resample the values (or whole clusters of values) with
 * replacement, take each resample's mean, and read the interval off the sorted means. Seeded, so a report is
 * reproducible.
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
        double[][] single = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            single[i] = new double[] {values[i]};
        }
        return clusteredMeanInterval95(single, resamples, seed);
    }

    /**
     * The 95% percentile-bootstrap interval of the mean of clustered values: whole clusters are resampled with
     * replacement and each resample's mean is taken over all the values of its clusters. A query scored under two
     * seeds is one cluster of two values, so it counts once, as it should: its two scores share the query.
     *
     * @param clusters  the clusters, each with at least one value; {@code NaN}s are not allowed
     * @param resamples how many resamples, at least 1
     * @param seed      the generator seed
     * @return {@code {low, high}}; both {@code NaN} without clusters, both the value for a single one
     * @throws IllegalArgumentException if {@code resamples} is below 1 or a cluster is empty
     */
    public static double[] clusteredMeanInterval95(double[][] clusters, int resamples, long seed) {
        Objects.requireNonNull(clusters, "clusters");
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        int n = clusters.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sums = new double[n];
        for (int c = 0; c < n; c++) {
            if (clusters[c].length == 0) {
                throw new IllegalArgumentException("cluster " + c + " is empty");
            }
            for (double v : clusters[c]) {
                sums[c] += v;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            long count = 0;
            for (int i = 0; i < n; i++) {
                int c = rng.nextInt(n);
                sum += sums[c];
                count += clusters[c].length;
            }
            means[r] = sum / count;
        }
        Arrays.sort(means);
        return new double[] {HausdorffDistance.interpolatedPercentile(means, 2.5),
                HausdorffDistance.interpolatedPercentile(means, 97.5)};
    }
}
