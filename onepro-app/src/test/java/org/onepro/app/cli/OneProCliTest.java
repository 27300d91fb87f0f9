package org.onepro.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.model.internal.SegmenterAccess;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.model.io.ModelInfo;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine;

class OneProCliTest {

    record Run(int exit, String out, String err) {

        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

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
        assertTrue(r.out().matches("(?s).*\\n  total\\s+[1-9][0-9,]*\\R.*"), r.out());
        for (String module : new String[] {"encoder", "positions", "tokens", "prompts", "former", "head"}) {
            assertTrue(r.out().contains("  " + module + " "), module + " missing:\n" + r.out());
        }
        assertTrue(r.out().contains("8 @2, 16 @4, 32 @8, 32 @16"), r.out());
    }

    @Test
    void aGpuThisMachineLacksOrAnUnknownDeviceIsOneErrorLine() {
        // The CI and development machines have no GPU the CPU build can use.
        Run gpu = run("info", "--preset", "tiny", "--device", "gpu:3");
        assertEquals(1, gpu.exit(), gpu.err());
        assertTrue(gpu.err().startsWith("error: GPU 3 was asked for") && gpu.err().strip().lines().count() == 1,
                gpu.err());
        Run typo = run("info", "--preset", "tiny", "--device", "tpu");
        assertEquals(1, typo.exit(), typo.err());
        assertTrue(typo.err().contains("--device takes cpu, gpu or gpu:N"), typo.err());
        Run cpu = run("info", "--preset", "tiny", "--device", "cpu");
        assertEquals(0, cpu.exit(), cpu.err());
    }

    @Test
    void infoOfASavedModelShowsItsCreationInfo(@TempDir Path dir) throws Exception {
        try (Segmenter s = Segmenter.untrained("tiny", 3)) {
            ModelIO.save(SegmenterAccess.model(s), ModelInfo.now(3, "saved by OneProCliTest"), dir);
        }
        Run r = run("info", "--model", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("preset:            tiny"), r.out());
        assertTrue(r.out().contains("seed 3"), r.out());
        assertTrue(r.out().contains("saved by OneProCliTest"), r.out());
    }

    @Test
    void benchEndsWithTheMedianLine() {
        Run r = run("bench", "--preset", "tiny", "--warmup", "1", "--runs", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lastLine().matches("median ms: \\d+\\.\\d"), r.lastLine());
        assertTrue(r.out().contains("cold first segment call"), r.out());
        assertTrue(r.out().contains("prepared.segment(query)"), r.out());
        assertTrue(r.out().contains("peak RSS:"), r.out());
    }

    @Test
    void benchWithABatchUsesTheListForm() {
        Run r = run("bench", "--preset", "tiny", "--batch", "2", "--warmup", "0", "--runs", "1", "--seed", "7");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("segment(queries, template, prompt)"), r.out());
        assertTrue(r.lastLine().matches("median ms: \\d+\\.\\d"), r.lastLine());
    }

    @Test
    void anUnknownPresetNamesTheKnownOnes() {
        Run r = run("info", "--preset", "nope");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("known presets: [tiny, small, base, large]"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Run r = run("info", "--verbose", "--preset", "nope");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void presetAndModelAreMutuallyExclusive() {
        Run r = run("info", "--preset", "tiny", "--model", "x");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }

    @Test
    void aMissingModelDirectoryIsNamed() {
        Run r = run("info", "--model", "/nonexistent/model");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("/nonexistent/model"), r.err());
    }

    @Test
    void badNumbersAreUsageErrors() {
        assertEquals(2, run("bench", "--preset", "tiny", "--runs", "0").exit());
        assertEquals(2, run("bench", "--runs", "many").exit());
        assertEquals(2, run("frobnicate").exit());
    }

    @Test
    void helpAndVersionWorkOnEveryCommand() {
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("OnePro "), version.out());
        Run help = run("bench", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--warmup"), help.out());
        assertEquals(0, run("info", "--version").exit());
    }

    @Test
    void everyCommandsHelpDescribesEachOptionOnce() {
        for (String command : new String[] {"segment", "everything", "evaluate", "compare", "summarize", "demo",
                "serve", "train", "info", "bench"}) {
            Run help = run(command, "--help");
            assertEquals(0, help.exit(), command);
            // picocli prints a description it cannot format (a bare % in it) raw, with its %n left in.
            assertFalse(help.out().contains("%n"), command + " --help is unformatted:\n" + help.out());
            Set<String> seen = new HashSet<>();
            for (String line : help.out().split("\\R")) {
                String option = line.strip();
                if (option.startsWith("-") && !seen.add(option)) {
                    fail(command + " --help lists an option twice: " + option + "\n" + help.out());
                }
            }
        }
    }
}
