package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.onepro.app.eval.PairedComparison;
import org.onepro.app.eval.ScoreCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code onepro compare}: two {@code evaluate} CSVs, paired query by query, with a Wilcoxon signed-rank test. */
@Command(name = "compare",
        description = {"Compare two 'evaluate --out' CSVs: rows paired by (task, label, query); mean Dice of each,"
                + " mean paired difference B - A, and the two-sided Wilcoxon signed-rank test on the differences.",
            "Zero differences are dropped; the p-value is exact up to 20 non-zero differences, normal approximation"
                + " above."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A.csv", description = "the first evaluation")
    Path a;

    @Parameters(index = "1", paramLabel = "B.csv", description = "the second evaluation")
    Path b;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PairedComparison c = PairedComparison.of(ScoreCsv.read(a), ScoreCsv.read(b), a, b);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "paired rows: %d", c.pairs());
        if (c.onlyA() > 0 || c.onlyB() > 0) {
            out.printf(Locale.ROOT, " (not compared: %d only in A, %d only in B)", c.onlyA(), c.onlyB());
        }
        out.println();
        out.printf(Locale.ROOT, "A %s: mean dice %.4f%n", a, c.meanA());
        out.printf(Locale.ROOT, "B %s: mean dice %.4f%n", b, c.meanB());
        out.printf(Locale.ROOT, "mean difference B - A: %+.4f%n", c.meanDifference());
        if (c.nonZero() == 0) {
            out.println("wilcoxon signed-rank p: 1.0000 (every pair is equal)");
        } else {
            out.printf(Locale.ROOT, "wilcoxon signed-rank p: %.4g (two-sided, %s, %d non-zero difference(s))%n",
                    c.pValue(), c.exact() ? "exact" : "normal approximation", c.nonZero());
        }
        out.flush();
        return 0;
    }
}
