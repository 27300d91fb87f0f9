package org.onepro.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.AtomicFiles;

/**
 * The CSV file of {@code onepro evaluate --out}: a header, then one row per query and target with the columns
 * {@code task,label,query,templates,prompt,quality,dice,iou,hd95}. Template ids are joined with {@code ;};
 * numbers use a dot whatever the locale; an undefined HD95 (exactly one mask empty) is an empty cell. Fields are
 * RFC 4180 (Commons CSV), so a task name holding a comma, a quote or a line break cannot shift the columns.
 */
public final class ScoreCsv {

    /** RFC 4180 with Unix line ends; blank lines are skipped when reading. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setIgnoreEmptyLines(true).get();

    /** The columns, in order. */
    public static final List<String> COLUMNS =
            List.of("task", "label", "query", "templates", "prompt", "quality", "dice", "iou", "hd95");

    private ScoreCsv() {
    }

    /**
     * Writes the rows atomically, replacing any previous file.
     *
     * @param rows the rows
     * @param file the target
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(List<QueryScore> rows, Path file) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, FORMAT)) {
            out.printRecord(COLUMNS);
            for (QueryScore r : rows) {
                out.printRecord(r.task(), Integer.toString(r.label()), r.query(), String.join(";", r.templates()),
                        r.prompt(), r.quality(), number(r.dice(), 6), number(r.iou(), 6), number(r.hd95(), 4));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format the rows of " + file, e);
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Reads a file written by {@link #write}; columns may come in any order and extra columns are ignored.
     *
     * @param file the file
     * @return the rows in file order
     * @throws InvalidInputException if the file is missing or unreadable, lacks a column, or a row is malformed;
     *                               the message names the file and line
     */
    public static List<QueryScore> read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e, e);
        }
        List<CSVRecord> records = records(stripBom(content), file);
        if (records.isEmpty()) {
            throw new InvalidInputException(file + " is empty; expected the header " + String.join(",", COLUMNS));
        }
        List<String> header = records.get(0).toList();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.putIfAbsent(header.get(i).strip(), i);
        }
        for (String column : COLUMNS) {
            if (!at.containsKey(column)) {
                throw new InvalidInputException(file + " has no '" + column + "' column; an evaluate CSV has "
                        + String.join(",", COLUMNS));
            }
        }
        List<QueryScore> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            String where = file + " record " + (record.getRecordNumber());
            List<String> f = record.toList();
            if (f.size() < header.size()) {
                throw new InvalidInputException(where + ": " + f.size() + " fields but the header has "
                        + header.size());
            }
            try {
                String templates = f.get(at.get("templates"));
                rows.add(new QueryScore(f.get(at.get("task")), Integer.parseInt(f.get(at.get("label")).strip()),
                        f.get(at.get("query")), templates.isEmpty() ? List.of() : Arrays.asList(templates.split(";")),
                        f.get(at.get("prompt")), f.get(at.get("quality")), parse(f.get(at.get("dice"))),
                        parse(f.get(at.get("iou"))), parse(f.get(at.get("hd95")))));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(where + ": not a number: " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static List<CSVRecord> records(String content, Path file) {
        try (CSVParser parser = CSVParser.parse(content, FORMAT)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(file + " is not a valid CSV file: " + e.getMessage(), e);
        }
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static double parse(String cell) {
        String s = cell.strip();
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String stripBom(String s) {
        // Spreadsheets saving "CSV UTF-8" put a byte-order mark before the first column name.
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
