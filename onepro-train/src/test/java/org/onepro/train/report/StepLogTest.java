package org.onepro.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class StepLogTest {

    @TempDir
    Path dir;

    @Test
    void rowsWrittenAreReadBackWithTheirValues() throws IOException {
        Path file = dir.resolve("run").resolve(StepLog.FILE_NAME);
        try (StepLog log = StepLog.open(file, 0)) {
            log.append(1, 0.693147, 2.1e-4, 12.5, 8.25, 0.75);
            log.append(2, 0.5, 2.2e-4, 1234567.0, 9.0, 1.5);
            log.append(3, Double.NaN, 2.3e-4, Double.POSITIVE_INFINITY, 9.5, 2.25);
        }
        assertEquals(StepLog.HEADER, Files.readAllLines(file).get(0));
        List<StepRow> rows = StepLog.read(file);
        assertEquals(3, rows.size());
        StepRow first = rows.get(0);
        assertEquals(1, first.step());
        assertEquals(0.693147, first.loss(), 1e-9);
        assertEquals(2.1e-4, first.lr(), 1e-9);
        assertEquals(12.5, first.gradNorm(), 1e-9);
        assertEquals(8.25, first.episodesPerSecond(), 1e-9);
        assertEquals(0.75, first.elapsedSeconds(), 1e-9);
        // Gradient norms keep six significant digits, whatever their magnitude.
        assertEquals(1234567.0, rows.get(1).gradNorm(), 5.0);
        assertTrue(Double.isNaN(rows.get(2).loss()));
        assertEquals(Double.POSITIVE_INFINITY, rows.get(2).gradNorm());
    }

    @Test
    void resumingDropsTheStepsThatWillBeRedoneAndAppendsAfterTheKeptOnes() {
        Path file = dir.resolve(StepLog.FILE_NAME);
        try (StepLog log = StepLog.open(file, 0)) {
            for (int step = 1; step <= 10; step++) {
                log.append(step, 1.0 / step, 1e-4, 1, 8, step);
            }
        }
        try (StepLog log = StepLog.open(file, 6)) {
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), steps(StepLog.read(file)));
            log.append(7, 0.125, 1e-4, 1, 8, 7);
        }
        List<StepRow> rows = StepLog.read(file);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), steps(rows));
        assertEquals(0.25, rows.get(3).loss(), 1e-6);
        assertEquals(0.125, rows.get(6).loss(), 1e-6);
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndTheNextRowStartsOnItsOwnLine() throws IOException {
        Path file = dir.resolve(StepLog.FILE_NAME);
        Files.writeString(file, StepLog.HEADER + "\n1,0.5,1e-4,1,8,1\n2,0.4,1e-4,1,8,2\n3,0.3");
        assertEquals(List.of(1L, 2L), steps(StepLog.read(file)));
        try (StepLog log = StepLog.open(file, 2)) {
            log.append(3, 0.35, 1e-4, 1, 8, 3);
        }
        List<StepRow> rows = StepLog.read(file);
        assertEquals(List.of(1L, 2L, 3L), steps(rows));
        assertEquals(0.35, rows.get(2).loss(), 1e-6);
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLineNumber() throws IOException {
        Path file = dir.resolve(StepLog.FILE_NAME);
        Files.writeString(file, StepLog.HEADER + "\n1,0.5,1e-4,1,8,1\n2,abc,1e-4,1,8,2\n3,0.3,1e-4,1,8,3\n");
        InvalidInputException read = assertThrows(InvalidInputException.class, () -> StepLog.read(file));
        assertTrue(read.getMessage().contains(file.toString()), read.getMessage());
        assertTrue(read.getMessage().contains("line 3"), read.getMessage());
        InvalidInputException open = assertThrows(InvalidInputException.class, () -> StepLog.open(file, 5));
        assertTrue(open.getMessage().contains("line 3"), open.getMessage());
    }

    @Test
    void aRowWithMissingColumnsIsReported() throws IOException {
        Path file = dir.resolve(StepLog.FILE_NAME);
        Files.writeString(file, StepLog.HEADER + "\n1,0.5,1e-4\n2,0.5,1e-4,1,8,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StepLog.read(file));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("columns"), e.getMessage());
    }

    @Test
    void aFileWithAnotherHeaderIsRejectedRatherThanAppendedTo() throws IOException {
        Path file = dir.resolve(StepLog.FILE_NAME);
        Files.writeString(file, "epoch,loss\n1,0.5\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StepLog.open(file, 1));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertEquals("epoch,loss\n1,0.5\n", Files.readString(file));
    }

    static List<Long> steps(List<StepRow> rows) {
        return rows.stream().map(StepRow::step).toList();
    }
}
