package org.onepro.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aLogFileGetsOneLinePerHundredthOfTheRun() {
        ProgressBar bar = new ProgressBar(out, 1000, false, nanos::get);
        for (long step = 1; step <= 1000; step++) {
            nanos.addAndGet(2000 * MS);
            bar.update(step, 0.5, 2.1e-4, 8.3);
        }
        bar.finish();
        List<String> lines = lines();
        assertEquals(100, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith("step " + (10 * (i + 1)) + "/1000 ["), lines.get(i));
        }
        assertFalse(output().contains("\r"));
        assertTrue(lines.get(99).startsWith("step 1000/1000 [##########] loss 0.5000 lr 2.1e-04 8.3 ep/s ETA 0s"),
                lines.get(99));
    }

    @Test
    void etaIsTheRecentTimePerStepTimesTheStepsLeft() {
        ProgressBar bar = new ProgressBar(out, 1000, false, nanos::get);
        for (long step = 1; step <= 900; step++) {
            // Early steps were slow; only the last 50 updates (2 s per step) should count.
            nanos.addAndGet((step < 800 ? 30_000 : 2_000) * MS);
            bar.update(step, 0.5, 1e-4, 0.5);
        }
        String last = lines().get(lines().size() - 1);
        assertTrue(last.startsWith("step 900/1000 [#########.]"), last);
        assertTrue(last.endsWith("ETA 3m20s"), last);
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("45s", ProgressBar.formatDuration(45));
        assertEquals("0s", ProgressBar.formatDuration(0.2));
        assertEquals("12m05s", ProgressBar.formatDuration(725));
        assertEquals("3h07m", ProgressBar.formatDuration(3 * 3600 + 7 * 60 + 30));
        assertEquals("--", ProgressBar.formatDuration(Double.NaN));
    }

    @Test
    void theLossShownIsAnExponentialMovingAverageStartingAtTheFirstValue() {
        ProgressBar bar = new ProgressBar(out, 100, false, nanos::get);
        bar.update(1, 1.0, 1e-4, 1);
        bar.update(2, 0.0, 1e-4, 1);
        bar.update(3, 0.0, 1e-4, 1);
        List<String> lines = lines();
        assertTrue(lines.get(0).contains("loss 1.0000"), lines.get(0));
        assertTrue(lines.get(1).contains("loss 0.9500"), lines.get(1));
        assertTrue(lines.get(2).contains("loss 0.9025"), lines.get(2));
    }

    @Test
    void aResumedRunPrintsOnlyTheRemainingHundredths() {
        ProgressBar bar = new ProgressBar(out, 1000, false, nanos::get);
        for (long step = 501; step <= 1000; step++) {
            nanos.addAndGet(100 * MS);
            bar.update(step, 0.5, 1e-4, 8);
        }
        List<String> lines = lines();
        assertEquals(50, lines.size());
        assertTrue(lines.get(0).startsWith("step 510/1000 [#####.....]"), lines.get(0));
    }

    @Test
    void aTerminalRedrawsOneLineInPlaceAtMostEvery200Milliseconds() {
        ProgressBar bar = new ProgressBar(out, 1000, true, nanos::get);
        for (long step = 1; step <= 1000; step++) {
            nanos.addAndGet(50 * MS);
            bar.update(step, 0.5, 1e-4, 20);
        }
        String text = output();
        assertFalse(text.contains("\n"), "no line break before finish()");
        // Drawn at step 1, then every fourth step (200 ms), and always at the last step.
        assertEquals(251, text.chars().filter(c -> c == '\r').count());
        assertTrue(text.substring(text.lastIndexOf('\r')).startsWith("\rstep 1000/1000 [##########]"));
        bar.finish();
        assertTrue(output().endsWith("\n"));
    }

    @Test
    void finishShowsTheLatestStatusEvenWhenThrottlingHeldItBack() {
        ProgressBar bar = new ProgressBar(out, 1000, true, nanos::get);
        bar.update(1, 0.5, 1e-4, 20);
        nanos.addAndGet(10 * MS);
        bar.update(2, 0.5, 1e-4, 20);
        assertFalse(output().contains("step 2/"));
        bar.finish();
        String text = output();
        assertTrue(text.substring(text.lastIndexOf('\r')).startsWith("\rstep 2/1000"), text);
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void aMessageGetsItsOwnLineAndTheBarIsRedrawnBelowIt() {
        ProgressBar bar = new ProgressBar(out, 1000, true, nanos::get);
        bar.update(1, 0.5, 1e-4, 20);
        bar.message("validation at step 1: Dice 0.42");
        String text = output();
        String[] lines = text.split("\n", -1);
        assertEquals(2, lines.length);
        String messageLine = lines[0].substring(lines[0].lastIndexOf('\r') + 1);
        assertEquals("validation at step 1: Dice 0.42", messageLine);
        assertTrue(lines[1].startsWith("\rstep 1/1000"), lines[1]);
    }

    @Test
    void inALogFileAMessageIsJustALine() {
        ProgressBar bar = new ProgressBar(out, 100, false, nanos::get);
        bar.update(1, 0.5, 1e-4, 20);
        bar.message("hello");
        assertEquals("hello", lines().get(1));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        String text = output();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
