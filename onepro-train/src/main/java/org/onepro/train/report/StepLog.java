package org.onepro.train.report;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.onepro.core.error.InvalidInputException;

/**
 * The CSV log of every training step ({@code steps.csv}, header {@value #HEADER}). Every row is flushed as it is
 * written, so a crash loses at most the row being written, and {@link #open} truncates the file to the step a
 * resumed run starts from, so redone steps are not logged twice.
 */
public final class StepLog implements AutoCloseable {

    /** The file's first line. */
    public static final String HEADER = "step,loss,lr,grad_norm,episodes_per_s,elapsed_s";

    /** The customary file name inside a run's output folder. */
    public static final String FILE_NAME = "steps.csv";

    private static final int COLUMNS = 6;

    private final Path file;
    private final Writer writer;

    private StepLog(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens the log for appending. An existing file keeps its header and the rows with {@code step <= resumeStep}
     * (the kept rows are rewritten atomically first); a missing file is created with the header.
     *
     * @param file       the log file, usually {@code <run>/steps.csv}
     * @param resumeStep the last step the run has completed (0 for a fresh run)
     * @return the open log
     * @throws InvalidInputException        if an existing file has a different header or a malformed row (the
     *                                      message names the file and line)
     * @throws IllegalArgumentException     if {@code resumeStep} is negative
     * @throws java.io.UncheckedIOException if the file cannot be read or written
     */
    public static StepLog open(Path file, long resumeStep) {
        return new StepLog(file, CsvTable.openAppending(file, HEADER, resumeStep, StepLog::parse, StepRow::step));
    }

    /**
     * Appends one step and flushes it to the file.
     *
     * @param step              the number of completed steps
     * @param loss              the step's loss
     * @param lr                the learning rate the step used
     * @param gradNorm          the gradient norm
     * @param episodesPerSecond the throughput
     * @param elapsedSeconds    seconds since the run began
     * @throws java.io.UncheckedIOException if writing fails
     */
    public synchronized void append(long step, double loss, double lr, double gradNorm, double episodesPerSecond,
            double elapsedSeconds) {
        CsvTable.appendLine(writer, file, String.format(Locale.ROOT, "%d,%.6f,%.3e,%.6g,%.3f,%.3f", step, loss, lr,
                gradNorm, episodesPerSecond, elapsedSeconds));
    }

    /**
     * Reads every row of a step log. A final line cut short by a crash (no newline, does not parse) is skipped.
     *
     * @param file the log file
     * @return the rows in file order
     * @throws InvalidInputException        if the header differs or a row is malformed; the message names the file
     *                                      and the line number
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static List<StepRow> read(Path file) {
        return CsvTable.read(file, HEADER, StepLog::parse);
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

    private static StepRow parse(List<String> f) {
        CsvTable.requireColumns(f, COLUMNS);
        return new StepRow(Long.parseLong(f.get(0).trim()), Double.parseDouble(f.get(1)),
                Double.parseDouble(f.get(2)), Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)),
                Double.parseDouble(f.get(5)));
    }
}
