package org.onepro.app.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.onepro.core.error.InvalidInputException;

/**
 * Two evaluations compared query by query ({@code onepro compare}): rows are paired by (task, label, query), and
 * the paired Dice differences {@code B - A} are tested with the two-sided Wilcoxon signed-rank test. Zero
 * differences are dropped first (Wilcoxon's own treatment; commons-math would rank them as negative), the p-value
 * is exact for up to {@value #EXACT_LIMIT} non-zero differences (commons-math enumerates all sign patterns, which
 * grows as 2^n) and the normal approximation with continuity correction above.
 *
 * @param pairs          rows found in both files
 * @param onlyA          rows only in A
 * @param onlyB          rows only in B
 * @param meanA          mean Dice of A over the paired rows
 * @param meanB          mean Dice of B over the paired rows
 * @param meanDifference mean of {@code B - A} over the paired rows
 * @param nonZero        paired differences that are not zero (the test's sample size)
 * @param pValue         two-sided p-value; 1 when every difference is zero
 * @param exact          whether the p-value is exact
 */
public record PairedComparison(int pairs, int onlyA, int onlyB, double meanA, double meanB, double meanDifference,
        int nonZero, double pValue, boolean exact) {

    /** The largest number of non-zero differences with an exact p-value. */
    public static final int EXACT_LIMIT = 20;

    /**
     * Pairs and compares two evaluations.
     *
     * @param a     the first file's rows
     * @param b     the second file's rows
     * @param fileA the first file, for messages
     * @param fileB the second file, for messages
     * @return the comparison
     * @throws InvalidInputException if a file repeats a row key or the files share no row
     */
    public static PairedComparison of(List<QueryScore> a, List<QueryScore> b, Path fileA, Path fileB) {
        Map<QueryScore.Key, QueryScore> byKeyA = index(a, fileA);
        Map<QueryScore.Key, QueryScore> byKeyB = index(b, fileB);
        List<double[]> paired = new ArrayList<>();
        for (Map.Entry<QueryScore.Key, QueryScore> e : byKeyA.entrySet()) {
            QueryScore other = byKeyB.get(e.getKey());
            if (other != null) {
                paired.add(new double[] {e.getValue().dice(), other.dice()});
            }
        }
        int n = paired.size();
        if (n == 0) {
            throw new InvalidInputException(fileA + " and " + fileB + " share no (task, label, query) row; were"
                    + " they evaluated on the same data?");
        }
        double sumA = 0;
        double sumB = 0;
        List<double[]> differing = new ArrayList<>();
        for (double[] p : paired) {
            sumA += p[0];
            sumB += p[1];
            if (p[0] != p[1]) {
                differing.add(p);
            }
        }
        int m = differing.size();
        double p = 1.0;
        boolean exact = m <= EXACT_LIMIT;
        if (m > 0) {
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = differing.get(i)[0];
                y[i] = differing.get(i)[1];
            }
            p = Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, exact));
        }
        return new PairedComparison(n, byKeyA.size() - n, byKeyB.size() - n, sumA / n, sumB / n, (sumB - sumA) / n,
                m, p, exact);
    }

    private static Map<QueryScore.Key, QueryScore> index(List<QueryScore> rows, Path file) {
        Map<QueryScore.Key, QueryScore> byKey = new LinkedHashMap<>();
        for (QueryScore r : rows) {
            if (byKey.putIfAbsent(r.key(), r) != null) {
                throw new InvalidInputException(file + " has two rows for " + r.key() + "; compare needs one row per"
                        + " (task, label, query)");
            }
        }
        return byKey;
    }
}
