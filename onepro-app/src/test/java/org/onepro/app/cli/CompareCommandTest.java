package org.onepro.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.app.cli.OneProCliTest.Run;

class CompareCommandTest {

    private static final String HEADER = "task,label,query,templates,prompt,quality,dice,iou,hd95\n";

    @Test
    void pairsRowsAndTestsTheDifferences(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), HEADER
                + "t,1,q1,x,click,oracle,0.500000,0.3,2.0\n"
                + "t,1,q2,x,click,oracle,0.600000,0.4,\n"
                + "t,1,q3,x,click,oracle,0.700000,0.5,1.0\n"
                + "t,2,q1,x,click,oracle,0.800000,0.6,1.0\n"
                + "u,1,q1,x,click,oracle,0.900000,0.8,0.5\n"
                + "u,1,only_a,x,click,oracle,0.100000,0.1,9.0\n");
        // Columns in another order: they are found by name.
        Path b = Files.writeString(dir.resolve("b.csv"), "query,task,label,templates,prompt,quality,dice,iou,hd95\n"
                + "q1,t,1,x,bbox,oracle,0.600000,0.4,1.0\n"
                + "q2,t,1,x,bbox,oracle,0.700000,0.5,1.0\n"
                + "q3,t,1,x,bbox,oracle,0.800000,0.6,1.0\n"
                + "q1,t,2,x,bbox,oracle,0.900000,0.8,1.0\n"
                + "q1,u,1,x,bbox,oracle,0.950000,0.9,1.0\n");
        Run r = OneProCliTest.run("compare", a.toString(), b.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("paired rows: 5 (not compared: 1 only in A, 0 only in B)"), r.out());
        assertTrue(r.out().contains("mean dice 0.7000"), r.out());
        assertTrue(r.out().contains("mean dice 0.7900"), r.out());
        assertTrue(r.out().contains("mean difference B - A: +0.0900"), r.out());
        // Five positive differences: the exact two-sided p is 2 / 2^5.
        assertTrue(r.out().contains("wilcoxon signed-rank p: 0.06250 (two-sided, exact, 5 non-zero"), r.out());
    }

    @Test
    void filesWithoutSharedRowsOrColumnsAreErrors(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), HEADER + "t,1,q1,x,click,oracle,0.5,0.3,2.0\n");
        Path b = Files.writeString(dir.resolve("b.csv"), HEADER + "t,1,q9,x,click,oracle,0.5,0.3,2.0\n");
        Run none = OneProCliTest.run("compare", a.toString(), b.toString());
        assertEquals(1, none.exit());
        assertTrue(none.err().startsWith("error: ") && none.err().contains("share no (task, label, query) row"),
                none.err());
        Path noDice = Files.writeString(dir.resolve("c.csv"), "task,label,query\nt,1,q1\n");
        Run column = OneProCliTest.run("compare", a.toString(), noDice.toString());
        assertEquals(1, column.exit());
        assertTrue(column.err().contains("c.csv has no 'templates' column"), column.err());
        Run missing = OneProCliTest.run("compare", a.toString(), dir.resolve("gone.csv").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("gone.csv"), missing.err());
        Path twice = Files.writeString(dir.resolve("d.csv"), HEADER + "t,1,q1,x,click,oracle,0.5,0.3,2.0\n"
                + "t,1,q1,x,click,oracle,0.6,0.3,2.0\n");
        Run dup = OneProCliTest.run("compare", a.toString(), twice.toString());
        assertEquals(1, dup.exit());
        assertTrue(dup.err().contains("two rows for t/q1 label 1"), dup.err());
        assertEquals(2, OneProCliTest.run("compare", a.toString()).exit());
    }
}
