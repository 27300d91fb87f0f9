package org.onepro.app.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class EvalPartsTest {

    private static final List<String> IDS = List.of("e", "b", "a", "d", "c", "f");

    @Test
    void templateChoiceIsSeededSortedAndLeavesTheRestAsQueries() {
        TemplateChoice c = TemplateChoice.choose(IDS, 2, 5, "task");
        assertEquals(c, TemplateChoice.choose(List.of("a", "b", "c", "d", "e", "f"), 2, 5, "task"),
                "the listing order does not matter");
        assertEquals(2, c.templates().size());
        assertEquals(c.templates().stream().sorted().toList(), c.templates());
        List<String> all = new ArrayList<>(c.templates());
        all.addAll(c.queries());
        assertEquals(Set.of("a", "b", "c", "d", "e", "f"), new HashSet<>(all));
        assertEquals(c.queries().stream().sorted().toList(), c.queries());
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            seen.add(TemplateChoice.choose(IDS, 1, seed, "task").templates());
        }
        assertTrue(seen.size() > 2, "different seeds choose different templates: " + seen);
        assertThrows(InvalidInputException.class, () -> TemplateChoice.choose(List.of("a", "b"), 2, 0, "t"));
    }

    @Test
    void seedsDependOnEveryPart() {
        assertEquals(Seeds.of(1, "a", 2), Seeds.of(1, "a", 2));
        assertNotEquals(Seeds.of(1, "a", 2), Seeds.of(2, "a", 2));
        assertNotEquals(Seeds.of(1, "ab", "c"), Seeds.of(1, "a", "bc"));
    }

    @Test
    void bootstrapIntervalIsSeededAndBracketsTheMean() {
        double[] v = {0.2, 0.4, 0.5, 0.7, 0.9, 0.95, 0.3};
        double[] ci = Bootstrap.meanInterval95(v, 2000, 3);
        assertEquals(ci[0], Bootstrap.meanInterval95(v, 2000, 3)[0]);
        double mean = 3.95 / 7;
        assertTrue(ci[0] < mean && mean < ci[1], ci[0] + " " + ci[1]);
        assertTrue(ci[0] >= 0.2 && ci[1] <= 0.95);
        double[] one = Bootstrap.meanInterval95(new double[] {0.7}, 2000, 3);
        assertEquals(0.7, one[0]);
        assertEquals(0.7, one[1]);
    }

    @Test
    void poolingSeedsDoesNotNarrowTheIntervalAsIfTheyWereMoreQueries() {
        double[] v = {0.2, 0.9, 0.4, 0.75, 0.55, 0.1, 0.8, 0.65};
        double[][] single = new double[v.length][];
        double[][] twice = new double[v.length][];
        double[] pooledFlat = new double[2 * v.length];
        for (int i = 0; i < v.length; i++) {
            single[i] = new double[] {v[i]};
            twice[i] = new double[] {v[i], v[i]};
            pooledFlat[2 * i] = v[i];
            pooledFlat[2 * i + 1] = v[i];
        }
        double[] perSeed = Bootstrap.meanInterval95(v, 2000, 3);
        double[] clustered = Bootstrap.clusteredMeanInterval95(twice, 2000, 3);
        double[] naive = Bootstrap.meanInterval95(pooledFlat, 2000, 3);

        assertArrayEquals(perSeed, Bootstrap.clusteredMeanInterval95(single, 2000, 3), 1e-12);
        assertArrayEquals(perSeed, clustered, 1e-12, "a query scored alike under two seeds is still one query");
        assertTrue(naive[1] - naive[0] < 0.85 * (perSeed[1] - perSeed[0]), "counting it twice narrows the interval");
    }

    @Test
    void csvRoundTripsQuotingAndEmptyHausdorffCells(@TempDir Path dir) throws Exception {
        List<QueryScore> rows = List.of(
                new QueryScore("liver, CT", 1, "q\"1", List.of("a", "b"), "click", "oracle", 0.5, 0.3333333, 2.5),
                new QueryScore("t", 255, "q2", List.of("a"), "scribble", "human", 0.0, 0.0, Double.NaN));
        Path file = dir.resolve("r.csv");
        ScoreCsv.write(rows, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("task,label,query,templates,prompt,quality,dice,iou,hd95", lines.get(0));
        assertEquals("\"liver, CT\",1,\"q\"\"1\",a;b,click,oracle,0.500000,0.333333,2.5000", lines.get(1));
        assertEquals("t,255,q2,a,scribble,human,0.000000,0.000000,", lines.get(2));
        List<QueryScore> back = ScoreCsv.read(file);
        assertEquals(rows.get(0).key(), back.get(0).key());
        assertEquals(List.of("a", "b"), back.get(0).templates());
        assertTrue(Double.isNaN(back.get(1).hd95()));
    }

    @Test
    void csvKeepsALineBreakInsideANameAndRefusesABrokenQuote(@TempDir Path dir) throws Exception {
        List<QueryScore> rows = List.of(
                new QueryScore("two\nlines", 1, "q1", List.of("a"), "click", "oracle", 0.5, 0.5, 1.0),
                new QueryScore("t", 1, "q2", List.of("a"), "click", "oracle", 0.25, 0.2, 3.0));
        Path file = dir.resolve("r.csv");
        ScoreCsv.write(rows, file);
        Files.writeString(file, Files.readString(file) + "\n");
        List<QueryScore> back = ScoreCsv.read(file);
        assertEquals(2, back.size(), "the blank line is skipped");
        assertEquals("two\nlines", back.get(0).task());
        assertEquals(0.25, back.get(1).dice(), 1e-12);

        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, String.join(",", ScoreCsv.COLUMNS) + "\n\"t,1,q,a,click,oracle,0.5,0.5,1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScoreCsv.read(broken));
        assertTrue(e.getMessage().contains("broken.csv"), e.getMessage());
    }

    @Test
    void pairedComparisonWithAnExactWilcoxonTest() {
        List<QueryScore> a = new ArrayList<>();
        List<QueryScore> b = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(row("q" + i, 0.5 + 0.1 * i));
            b.add(row("q" + i, 0.55 + 0.1 * i + 0.01 * i));
        }
        a.add(row("only-a", 0.1));
        b.add(row("same", 0.4));
        a.add(row("same", 0.4));
        PairedComparison c = PairedComparison.of(a, b, Path.of("a.csv"), Path.of("b.csv"));
        assertEquals(6, c.pairs());
        assertEquals(1, c.onlyA());
        assertEquals(0, c.onlyB());
        assertEquals(5, c.nonZero(), "the equal pair is dropped");
        assertTrue(c.exact());
        // All five differences positive: the two-sided exact p is 2 / 2^5.
        assertEquals(0.0625, c.pValue(), 1e-12);
        assertEquals((0.05 * 5 + 0.01 * 10) / 6, c.meanDifference(), 1e-12);
    }

    private static QueryScore row(String query, double dice) {
        return new QueryScore("t", 1, query, List.of("a"), "click", "oracle", dice, dice, 1.0);
    }
}
