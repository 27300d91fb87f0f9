package org.onepro.app.eval;

import java.util.ArrayList;
import java.util.List;
import org.onepro.core.error.InvalidInputException;

/**
 * RFC 4180 fields on single lines: a field holding a comma, a quote or a line break is quoted with doubled inner
 * quotes, so a task name with a comma cannot shift the columns a spreadsheet or pandas reads.
 */
final class Csv {

    private Csv() {
    }

    /** One line of fields, without the line end. */
    static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    /**
     * Splits one line into fields.
     *
     * @param line  the line, without its line end
     * @param where the file and line number, for the error message
     * @throws InvalidInputException for an unterminated quote or text after a closing quote
     */
    static List<String> split(String line, String where) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new InvalidInputException(where + ": unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new InvalidInputException(where + ": text after a closing quote at column " + (i + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }
}
