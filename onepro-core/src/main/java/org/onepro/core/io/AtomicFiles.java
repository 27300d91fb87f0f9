package org.onepro.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary file in the
 * target's own folder (so the rename stays on one file system) and is then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. If writing fails, the temporary file is deleted and any previous
 * target is left untouched. A new file gets the user's default permissions (umask); a replaced one keeps its own.
 */
public final class AtomicFiles {

    /** Produces a file's content. */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the whole content.
         *
         * @param out the stream to write to; the caller closes it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically, creating missing parent folders.
     *
     * @param target  the file to create or replace
     * @param content writes the content
     * @throws UncheckedIOException if the folder cannot be created or the file cannot be written or renamed; the
     *                              message names the target
     * @throws RuntimeException     whatever {@code content} throws, after the temporary file is removed
     */
    public static void write(Path target, Content content) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // A leading dot keeps folder scanners (and isImageFile-style filters) from picking up the temporary.
            tmp = newTemporary(dir, "." + absolute.getFileName());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            keepPermissions(absolute, tmp);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("cannot write " + target + ": its file system does not support atomic "
                    + "renames", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Writes UTF-8 text atomically, creating missing parent folders.
     *
     * @param target the file to create or replace
     * @param text   the content
     * @throws UncheckedIOException if the file cannot be written; the message names the target
     */
    public static void writeString(Path target, String text) {
        Objects.requireNonNull(text, "text");
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An empty file created with the process's default permissions (the user's umask). {@code createTempFile}
     * would make it owner-only (0600), and the rename would hand that mode to the user's output.
     */
    private static Path newTemporary(Path dir, String prefix) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(prefix + "." + pid + "-" + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                // A leftover of an earlier process with the same pid: take the next name.
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** A file being replaced keeps its permissions, as editors keep them. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its default attributes are all there is.
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // The original failure is the one worth reporting; a stray temporary file is harmless.
        }
    }
}
