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

class ValidationLogTest {

    @TempDir
    Path dir;

    @Test
    void rowsWrittenAreReadBackIncludingNamesWithCommasAndQuotes() throws IOException {
        Path file = dir.resolve(ValidationLog.FILE_NAME);
        try (ValidationLog log = ValidationLog.open(file, 0)) {
            log.append(500, "nuclei", "Click", 0.8123456, 0.1);
            log.append(500, "spleen, \"CT\"", "BBox", 0.5, 0.05);
        }
        assertEquals(ValidationLog.HEADER, Files.readAllLines(file).get(0));
        List<ValidationRow> rows = ValidationLog.read(file);
        assertEquals(2, rows.size());
        assertEquals(new ValidationRow(500, "nuclei", "Click", 0.812346, 0.1), rows.get(0));
        assertEquals("spleen, \"CT\"", rows.get(1).task());
        assertEquals("BBox", rows.get(1).prompt());
        assertEquals(0.05, rows.get(1).controlDice(), 1e-9);
    }

    @Test
    void resumingDropsLaterValidationPointsAndAppendsAfterTheKeptOnes() {
        Path file = dir.resolve(ValidationLog.FILE_NAME);
        try (ValidationLog log = ValidationLog.open(file, 0)) {
            for (long step = 100; step <= 400; step += 100) {
                log.append(step, "nuclei", "Click", step / 1000.0, 0.1);
                log.append(step, "nuclei", "Doodle", step / 900.0, 0.1);
            }
        }
        try (ValidationLog log = ValidationLog.open(file, 250)) {
            log.append(300, "nuclei", "Click", 0.9, 0.2);
        }
        List<ValidationRow> rows = ValidationLog.read(file);
        assertEquals(List.of(100L, 100L, 200L, 200L, 300L), rows.stream().map(ValidationRow::step).toList());
        assertEquals(0.9, rows.get(4).dice(), 1e-9);
        assertEquals(0.2, rows.get(2).dice(), 1e-6);
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLineNumber() throws IOException {
        Path file = dir.resolve(ValidationLog.FILE_NAME);
        Files.writeString(file, ValidationLog.HEADER + "\n100,nuclei,Click,0.5,0.1\n100,nuclei,Click,high,0.1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ValidationLog.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> ValidationLog.open(file, 100));
    }

    @Test
    void aNameWithALineBreakIsRefusedBecauseItWouldSplitTheRow() {
        try (ValidationLog log = ValidationLog.open(dir.resolve(ValidationLog.FILE_NAME), 0)) {
            assertThrows(IllegalArgumentException.class, () -> log.append(1, "two\nlines", "Click", 0.5, 0.1));
        }
    }
}
