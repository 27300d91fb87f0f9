package org.onepro.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onepro.core.error.InvalidInputException;

/** File-name rules the segmenting commands share: what counts as a volume, and the base name outputs carry. */
final class InputFiles {

    private InputFiles() {
    }

    /** Whether the file is a NIfTI volume, by its name ({@code .nii} or {@code .nii.gz}). */
    static boolean isNifti(Path file) {
        String name = lowerName(file);
        return name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    /** The file name without its extension ({@code .nii.gz} counts as one): outputs are named after it. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".nii.gz")) {
            return name.substring(0, name.length() - ".nii.gz".length());
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Checks before any model loads that every input is a readable file and that no two queries would write the
     * same outputs (the same base name from different folders).
     *
     * @throws InvalidInputException naming the first problem
     */
    static void checkInputs(List<Path> templates, List<Path> queries) {
        for (Path t : templates) {
            requireFile(t, "template");
        }
        Map<String, Path> seen = new HashMap<>();
        for (Path q : queries) {
            requireFile(q, "query");
            Path previous = seen.putIfAbsent(baseName(q), q);
            if (previous != null) {
                throw new InvalidInputException("queries " + previous + " and " + q + " would write the same "
                        + "output files (" + baseName(q) + "_*); rename one or run them separately");
            }
        }
    }

    private static void requireFile(Path file, String role) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(role + " file " + file + " does not exist or is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(role + " file " + file + " is not readable");
        }
    }

    private static String lowerName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
