package org.onepro.data.dataset;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onepro.core.error.InvalidInputException;

/**
 * Finds the small demo tasks shipped in the repository's {@code data/demo} folder, so examples and tests run
 * without the full data set.
 */
public final class DemoData {

    private static final Path RELATIVE = Path.of("data", "demo");

    private DemoData() {
    }

    /**
     * Finds {@code data/demo} in the working directory or one of its parents, else beside the folder the
     * onepro-data classes or jar were loaded from (or one of its parents): tests run inside a module folder, and
     * tools may be started from anywhere inside a checkout.
     *
     * @return the absolute demo folder
     * @throws InvalidInputException if no such folder exists along either path (the message names both starts)
     */
    public static Path locate() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        codeLocation().ifPresent(starts::add);
        return locateFrom(starts);
    }

    /**
     * Opens every demo task.
     *
     * @return the demo tasks, sorted by name
     * @throws InvalidInputException if the demo folder cannot be found or a task in it is invalid
     */
    public static List<TaskDataset> open() {
        return DatasetRoot.open(locate());
    }

    /** Walks up from each start in turn; the first {@code data/demo} found wins. */
    static Path locateFrom(List<Path> starts) {
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(RELATIVE);
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new InvalidInputException("no " + RELATIVE + " folder found in or above " + starts
                + "; run from inside a OnePro checkout");
    }

    private static Optional<Path> codeLocation() {
        CodeSource source = DemoData.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            // A location that is not a local file (a web start URL, a jrt image) cannot hold data/demo anyway.
            return Optional.empty();
        }
    }
}
