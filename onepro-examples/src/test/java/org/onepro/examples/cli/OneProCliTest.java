package org.onepro.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

class OneProCliTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = OneProCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void infoPrintsTokensPerLevelAndParameterCounts() {
        Run r = run("info", "--preset", "tiny");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  8: 16"), r.out());
        assertTrue(r.out().contains("  4: 64"), r.out());
        assertTrue(r.out().matches("(?s).*total\\s+[0-9,]+.*"), r.out());
        assertTrue(r.out().contains("former"), r.out());
    }

    @Test
    void benchEndsWithTheMedianLine() {
        Run r = run("bench", "--preset", "tiny", "--warmup", "1", "--runs", "2");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().trim().split("\\R");
        assertTrue(lines[lines.length - 1].matches("median ms: \\d+\\.\\d"), lines[lines.length - 1]);
        assertTrue(r.out().contains("prepared.segment"), r.out());
    }

    @Test
    void badArgumentsAndMissingModelsExitWithAClearMessage() {
        Run unknown = run("info", "--preset", "nope");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("known presets: [tiny, small, base, large]"), unknown.err());
        Run both = run("info", "--preset", "tiny", "--model", "x");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        Run missing = run("info", "--model", "/nonexistent/model");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("/nonexistent/model"), missing.err());
        Run badRuns = run("bench", "--preset", "tiny", "--runs", "0");
        assertEquals(2, badRuns.exit(), badRuns.err());
    }
}
