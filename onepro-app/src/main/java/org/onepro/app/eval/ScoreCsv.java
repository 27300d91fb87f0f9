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
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.AtomicFiles;

/**
 * The CSV file of {@code onepro evaluate --out}: a header, then one row per query and target with the columns
 * {@code task,label,query,templates,prompt,quality,dice,iou,hd95}. Template ids are joined with {@code ;};
 * numbers use a dot whatever the locale; an undefined HD95 (exactly one mask empty) is an empty cell.
 */
public final class ScoreCsv {

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
        StringBuilder sb = new StringBuilder(Csv.line(COLUMNS)).append('\n');
        for (QueryScore r : rows) {
            sb.append(Csv.line(List.of(r.task(), Integer.toString(r.label()), r.query(),
                    String.join(";", r.templates()), r.prompt(), r.quality(), number(r.dice(), 6),
                    number(r.iou(), 6), number(r.hd95(), 4)))).append('\n');
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
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e, e);
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException(file + " is empty; expected the header " + String.join(",", COLUMNS));
        }
        List<String> header = Csv.split(stripBom(lines.get(0)), file + " line 1");
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
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String where = file + " line " + (n + 1);
            List<String> f = Csv.split(lines.get(n), where);
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
