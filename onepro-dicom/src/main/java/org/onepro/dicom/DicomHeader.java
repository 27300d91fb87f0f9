package org.onepro.dicom;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onepro.core.error.InvalidInputException;

/**
 * The top-level attributes of one DICOM file, as text by tag, with the typed readers the series needs. Nested
 * sequence items are left out: the attributes read here are never inside one.
 */
final class DicomHeader {

    static final String TRANSFER_SYNTAX = "0002,0010";
    static final String SERIES_UID = "0020,000E";
    static final String IMAGE_POSITION = "0020,0032";
    static final String IMAGE_ORIENTATION = "0020,0037";
    static final String FRAMES = "0028,0008";
    static final String SAMPLES_PER_PIXEL = "0028,0002";
    static final String ROWS = "0028,0010";
    static final String COLUMNS = "0028,0011";
    static final String PIXEL_SPACING = "0028,0030";
    static final String BITS_ALLOCATED = "0028,0100";
    static final String BITS_STORED = "0028,0101";
    static final String PIXEL_REPRESENTATION = "0028,0103";
    static final String RESCALE_INTERCEPT = "0028,1052";
    static final String RESCALE_SLOPE = "0028,1053";
    static final String PIXEL_DATA = "7FE0,0010";

    private static final Pattern LINE = Pattern.compile("^([0-9A-Fa-f]{4},[0-9A-Fa-f]{4})\\s+[^:]*:\\s?(.*)$");

    private final Path file;
    private final Map<String, String> values;

    private DicomHeader(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Parses the tag listing ImageJ makes of a file's header ({@code GGGG,EEEE  Name: value} per line). */
    static DicomHeader parse(Path file, String listing) {
        Map<String, String> values = new HashMap<>();
        for (String line : listing.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                values.putIfAbsent(m.group(1).toUpperCase(Locale.ROOT), m.group(2).trim());
            }
        }
        return new DicomHeader(file, values);
    }

    Path file() {
        return file;
    }

    boolean has(String tag) {
        String v = values.get(tag);
        return v != null && !v.isEmpty();
    }

    String text(String tag, String fallback) {
        return has(tag) ? values.get(tag) : fallback;
    }

    int integer(String tag, String name) {
        double v = numbers(tag, name, 1)[0];
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw invalid(name + " (" + tag + ") is not an integer: " + values.get(tag));
        }
        return (int) v;
    }

    /** A multi-valued decimal attribute ({@code a\b\c}) with exactly {@code count} finite values. */
    double[] numbers(String tag, String name, int count) {
        if (!has(tag)) {
            throw invalid("has no " + name + " (" + tag + ")");
        }
        String[] parts = values.get(tag).split("\\\\");
        if (parts.length != count) {
            throw invalid(name + " (" + tag + ") needs " + count + " values, has " + parts.length + ": "
                    + values.get(tag));
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw invalid(name + " (" + tag + ") is not numeric: " + values.get(tag));
            }
            if (!Double.isFinite(out[i])) {
                throw invalid(name + " (" + tag + ") is not finite: " + values.get(tag));
            }
        }
        return out;
    }

    InvalidInputException invalid(String problem) {
        return new InvalidInputException("DICOM file " + file + ": " + problem);
    }
}
