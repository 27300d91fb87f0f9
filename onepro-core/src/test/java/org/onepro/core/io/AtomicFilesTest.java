package org.onepro.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("data.bin");
        Files.writeString(target, "old");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());
        assertEquals("cannot write " + target + ": java.io.IOException: disk full", e.getMessage());
    }

    @Test
    void uncheckedFailureAlsoRemovesTheTemporary() throws IOException {
        Path target = dir.resolve("data.bin");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bad value");
        }));

        assertEquals(List.of(), files());
    }

    @Test
    void successfulWriteReplacesTheContent() throws IOException {
        Path target = dir.resolve("data.txt");
        Files.writeString(target, "old");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aNewFileGetsTheUsersDefaultPermissionsAndAReplacedOneKeepsItsOwn() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("written.txt");
        AtomicFiles.writeString(written, "new");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written),
                "a new file follows the umask as any other new file does");
        Set<PosixFilePermission> groupReadable = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(written, groupReadable);
        AtomicFiles.writeString(written, "replaced");
        assertEquals(groupReadable, Files.getPosixFilePermissions(written));
        assertEquals("replaced", Files.readString(written));
        assertEquals(2, files().size(), "no temporary left: " + files());
    }
}
