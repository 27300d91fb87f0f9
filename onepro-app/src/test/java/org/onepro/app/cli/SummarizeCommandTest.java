package org.onepro.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.app.cli.OneProCliTest.Run;

class SummarizeCommandTest {

    private static final String HEADER = "task,label,query,templates,prompt,quality,dice,iou,hd95\n";

    @Test
    void poolsEachMethodsSeedsPerTaskAndPutsMethodsSideBySide(@TempDir Path dir) throws Exception {
        Path s0 = Files.writeString(dir.resolve("a0.csv"), HEADER + "t,1,q1,x,seglab,oracle,0.2,0.1,1\n"
                + "u,1,q1,x,seglab,oracle,1.0,1.0,0\n");
        Path s1 = Files.writeString(dir.resolve("a1.csv"), HEADER + "t,1,q2,y,seglab,oracle,0.4,0.2,1\n"
                + "u,1,q2,y,seglab,oracle,1.0,1.0,0\n");
        Path b = Files.writeString(dir.resolve("b.csv"), HEADER + "t,1,q1,x,seglab,oracle,0.9,0.8,1\n");
        Run r = OneProCliTest.run("summarize", "floor=" + s0 + "," + s1, "model=" + b);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("| task | floor | model |", lines.get(0));
        // t pools 0.2 and 0.4 from the two seeds; u has no row for the model.
        assertTrue(lines.get(2).startsWith("| t | 0.300 [0.200, 0.400] | 0.900 [0.900, 0.900] |"), lines.get(2));
        assertTrue(lines.get(3).startsWith("| u | 1.000 [1.000, 1.000] | - |"), lines.get(3));
        assertEquals("| mean of tasks | **0.6500** (2) | **0.9000** (1) |", lines.get(4));
    }

    @Test
    void aColumnWithoutFilesIsAnError(@TempDir Path dir) {
        Run r = OneProCliTest.run("summarize", "nothing");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("METHOD=FILE"), r.err());
    }

    @Test
    void aMethodNamedTwiceIsAnErrorRatherThanALostColumn(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), HEADER + "t,1,q1,x,seglab,oracle,0.2,0.1,1\n");
        Run r = OneProCliTest.run("summarize", "m=" + a, "m=" + a);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("'m' is named twice"), r.err());
    }
}
