package org.onepro.train.report;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;

/**
 * The CSV log of validation results ({@code validation.csv}, header {@value #HEADER}): one row per validation
 * point, task and prompt type. {@code control_dice} is the Dice obtained with the prompt moved onto the background,
 * a negative control that exposes a model ignoring its prompt. Rows are flushed as written and {@link #open}
 * truncates to a resume step, exactly like {@link StepLog}.
 */
public final class ValidationLog implements AutoCloseable {

    /** The file's first line. */
    public static final String HEADER = "step,task,prompt,dice,control_dice";

    /** The customary file name inside a run's output folder. */
    public static final String FILE_NAME = "validation.csv";

    private static final int COLUMNS = 5;

    private final Path file;
    private final Writer writer;

    private ValidationLog(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens the log for appending. An existing file keeps its header and the rows with {@code step <= resumeStep}
     * (the kept rows are rewritten atomically first); a missing file is created with the header.
     *
     * @param file       the log file, usually {@code <run>/validation.csv}
     * @param resumeStep the last step the run has completed (0 for a fresh run)
     * @return the open log
     * @throws InvalidInputException        if an existing file has a different header or a malformed row (the
     *                                      message names the file and line)
     * @throws IllegalArgumentException     if {@code resumeStep} is negative
     * @throws java.io.UncheckedIOException if the file cannot be read or written
     */
    public static ValidationLog open(Path file, long resumeStep) {
        return new ValidationLog(file,
                CsvTable.openAppending(file, HEADER, resumeStep, ValidationLog::parse, ValidationRow::step));
    }

    /**
     * Appends one result and flushes it to the file. Names containing commas or quotes are quoted.
     *
     * @param step        the number of completed steps
     * @param task        the task name
     * @param prompt      the prompt type
     * @param dice        the Dice of the prompted target
     * @param controlDice the Dice with the prompt moved onto the background
     * @throws IllegalArgumentException     if a name contains a line break
     * @throws java.io.UncheckedIOException if writing fails
     */
    public synchronized void append(long step, String task, String prompt, double dice, double controlDice) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(prompt, "prompt");
        CsvTable.appendLine(writer, file, String.format(Locale.ROOT, "%d,%s,%s,%.6f,%.6f", step,
                CsvTable.quote(task), CsvTable.quote(prompt), dice, controlDice));
    }

    /**
     * Reads every row of a validation log. A final line cut short by a crash (no newline, does not parse) is
     * skipped.
     *
     * @param file the log file
     * @return the rows in file order
     * @throws InvalidInputException        if the header differs or a row is malformed; the message names the file
     *                                      and the line number
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static List<ValidationRow> read(Path file) {
        return CsvTable.read(file, HEADER, ValidationLog::parse);
    }

    /**
     * Closes the file.
     *
     * @throws java.io.UncheckedIOException if closing fails
     */
    @Override
    public synchronized void close() {
        CsvTable.close(writer, file);
    }

    private static ValidationRow parse(List<String> f) {
        CsvTable.requireColumns(f, COLUMNS);
        return new ValidationRow(Long.parseLong(f.get(0).trim()), f.get(1), f.get(2), Double.parseDouble(f.get(3)),
                Double.parseDouble(f.get(4)));
    }
}
