package org.onepro.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.InputLimits;
import org.onepro.dicom.VolumeFiles;

/** Input rules the segmenting commands share: what counts as a volume, and the base name outputs carry. */
final class InputFiles {

    private InputFiles() {
    }

    /** Whether the input is a volume: a NIfTI file by its name, a DICOM series folder, or a DICOM file. */
    static boolean isVolume(Path file) {
        return VolumeFiles.isVolume(file);
    }

    /**
     * The name outputs are called after: a volume's as {@link VolumeFiles#baseName} gives it, an image's file name
     * without its extension.
     */
    static String baseName(Path file) {
        if (isVolume(file)) {
            return VolumeFiles.baseName(file);
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Checks before any model loads that every input is a readable file, that no volume query is over the voxel
     * budget (from its header), and that no two queries would write the same outputs (the same base name from
     * different folders).
     *
     * @throws InvalidInputException naming the first problem
     */
    static void checkInputs(List<Path> templates, List<Path> queries) {
        for (Path t : templates) {
            requireFile(t, "template");
        }
        Map<String, Path> seen = new HashMap<>();
        for (Path q : queries) {
            if (!Files.isDirectory(q)) {
                // A folder is a DICOM series, checked when it is read.
                requireFile(q, "query");
            }
            if (isVolume(q)) {
                // From the header(s) alone, so an oversized volume is refused before the model loads.
                int[] size = VolumeFiles.readSize(q);
                InputLimits.checkVolume(size[0], size[1], size[2], q.toString());
            }
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
}
