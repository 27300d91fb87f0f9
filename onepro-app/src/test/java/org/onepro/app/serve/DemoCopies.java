package org.onepro.app.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.onepro.data.dataset.DemoData;

/** Copies of demo tasks for the server tests, which write prompts and masks beside the data. */
final class DemoCopies {

    private DemoCopies() {
    }

    /** Copies the demo task {@code task} into {@code root/task}. */
    static void copyTask(String task, Path root) throws IOException {
        Path from = DemoData.locate().resolve(task);
        Path to = root.resolve(task);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
