package org.onepro.train.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.AtomicFiles;

/**
 * The file mechanics the CSV logs share: reading with line-numbered errors, truncating to a resume step, and
 * appending. Fields are RFC 4180 (Commons CSV) so a task name holding a comma cannot shift the columns; a field
 * never holds a line break, so every row is one line and a resume can cut the file by lines.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    /** Turns the fields of one data line into a row; throws {@link RuntimeException} if they are malformed. */
    @FunctionalInterface
    interface RowParser<T> {
        T parse(List<String> fields);
    }

    /** One parsed data line together with its original text, so truncation can keep lines byte for byte. */
    record Line<T>(String text, T row) {
    }

    private static final int MAX_QUOTED_LINE = 200;

    private CsvTable() {
    }

    /**
     * Opens {@code file} for appending after dropping every row whose step exceeds {@code resumeStep}: those rows
     * belong to steps the resumed run will redo, and keeping them would log those steps twice.
     */
    static <T> Writer openAppending(Path file, String header, long resumeStep, RowParser<T> parser,
            ToLongFunction<T> stepOf) {
        Objects.requireNonNull(file, "file");
        if (resumeStep < 0) {
            throw new IllegalArgumentException("resumeStep must be >= 0, got " + resumeStep);
        }
        StringBuilder kept = new StringBuilder(header).append('\n');
        if (Files.exists(file)) {
            for (Line<T> line : parse(file, header, parser)) {
                if (stepOf.applyAsLong(line.row()) <= resumeStep) {
                    kept.append(line.text()).append('\n');
                }
            }
        }
        // Rewriting even a fresh or unchanged file is cheap and guarantees the file ends with a newline, so the
        // first appended row never glues onto a line cut short by a crash.
        byte[] content = kept.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(content));
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for appending: " + e, e);
        }
    }

    /** Reads the rows of a log file (see {@link #parse}). */
    static <T> List<T> read(Path file, String header, RowParser<T> parser) {
        Objects.requireNonNull(file, "file");
        List<T> rows = new ArrayList<>();
        for (Line<T> line : parse(file, header, parser)) {
            rows.add(line.row());
        }
        return rows;
    }

    /**
     * Parses a whole log file. An empty file has no rows. A last line without its newline that does not parse is
     * skipped rather than reported: it is what a crash, or a writer still busy with it, leaves behind.
     */
    static <T> List<Line<T>> parse(Path file, String header, RowParser<T> parser) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        List<Line<T>> rows = new ArrayList<>();
        if (content.isEmpty()) {
            return rows;
        }
        String[] lines = content.split("\n", -1);
        // split leaves an empty last element exactly when the content ends with a newline.
        int count = lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0);
        boolean lastUnterminated = !content.endsWith("\n");
        if (!stripCr(lines[0]).equals(header)) {
            throw new InvalidInputException(file + ": line 1: expected the header '" + header + "' but found '"
                    + shorten(stripCr(lines[0])) + "'");
        }
        for (int i = 1; i < count; i++) {
            String text = stripCr(lines[i]);
            if (text.isBlank()) {
                continue;
            }
            try {
                rows.add(new Line<>(text, parser.parse(split(text))));
            } catch (RuntimeException e) {
                if (lastUnterminated && i == count - 1) {
                    break;
                }
                throw new InvalidInputException(file + ": line " + (i + 1) + ": malformed row '" + shorten(text)
                        + "': " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** Checks the column count, so a short or long line is reported as such rather than as a parse failure. */
    static void requireColumns(List<String> fields, int expected) {
        if (fields.size() != expected) {
            throw new IllegalArgumentException("expected " + expected + " columns, found " + fields.size());
        }
    }

    /** Quotes a field only when it needs it, so ordinary names stay readable in a spreadsheet or with grep. */
    static String quote(String field) {
        if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a CSV field may not contain a line break: '" + shorten(field) + "'");
        }
        return FORMAT.format(field);
    }

    /** Splits one line into fields, undoing {@link #quote}. */
    static List<String> split(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("expected one CSV record, found " + records.size());
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("not a valid CSV line: " + e.getMessage(), e);
        }
    }

    /** Writes one complete line and flushes, so a crash loses at most the line being written. */
    static void appendLine(Writer writer, Path file, String line) {
        try {
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e, e);
        }
    }

    /** Closes the appending writer, naming the file if that fails. */
    static void close(Writer writer, Path file) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e, e);
        }
    }

    private static String stripCr(String line) {
        // Tolerates files that passed through a Windows editor.
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_QUOTED_LINE ? text : text.substring(0, MAX_QUOTED_LINE) + "...";
    }
}
