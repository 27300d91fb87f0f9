package org.onepro.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
