package org.onepro.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onepro.data.dataset.TaskFolders.leftColumns;
import static org.onepro.data.dataset.TaskFolders.ramp;
import static org.onepro.data.dataset.TaskFolders.writeGrey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class ImageFolderTaskTest {

    @TempDir
    Path tmp;

    @Test
    void filesAreMatchedByBaseNameWhateverTheirExtension() {
        Path task = tmp.resolve("mixed");
        writeGrey(task.resolve("images/b.png"), ramp(4, 6), 4, 6);
        writeGrey(task.resolve("masks/b.tiff"), leftColumns(4, 6, 2, 255), 4, 6);
        writeGrey(task.resolve("images/a.jpg"), ramp(5, 3), 5, 3);
        writeGrey(task.resolve("masks/a.png"), leftColumns(5, 3, 1, 3), 5, 3);
        writeGrey(task.resolve("images/c.BMP"), ramp(2, 2), 2, 2);
        writeGrey(task.resolve("masks/c.png"), leftColumns(2, 2, 1, 9), 2, 2);

        ImageFolderTask t = ImageFolderTask.open(task);

        assertEquals("mixed", t.name());
        assertEquals(List.of("a", "b", "c"), t.ids());
        LabeledImage a = t.load("a");
        assertEquals("mixed", a.task());
        assertEquals("a", a.id());
        assertEquals(5, a.image().height());
        assertEquals(3, a.image().width());
        assertArrayEquals(leftColumns(5, 3, 1, 3), a.labels().data());
        assertArrayEquals(leftColumns(4, 6, 2, 255), t.load("b").labels().data());
        assertEquals(Set.of(9), t.load("c").labels().labels());
        assertTrue(a.scribbles().isEmpty());
    }

    @Test
    void aZeroTo255MaskGivesLabel255AndAMultiLabelMaskGivesOneLabelPerValue() {
        Path task = tmp.resolve("labels");
        writeGrey(task.resolve("images/binary.png"), ramp(4, 4), 4, 4);
        writeGrey(task.resolve("masks/binary.png"), leftColumns(4, 4, 2, 255), 4, 4);
        int[] two = {0, 1, 1, 0, 0, 1, 2, 2, 0, 0, 2, 2, 0, 0, 0, 0};
        writeGrey(task.resolve("images/organs.png"), ramp(4, 4), 4, 4);
        writeGrey(task.resolve("masks/organs.png"), two, 4, 4);

        ImageFolderTask t = ImageFolderTask.open(task);

        assertEquals(Set.of(255), t.load("binary").labels().labels());
        LabelMap organs = t.load("organs").labels();
        assertEquals(Set.of(1, 2), organs.labels());
        assertEquals(3, organs.mask(1).count());
        assertEquals(4, organs.mask(2).count());
    }

    @Test
    void imagesWithoutAMaskAreListedUpToFive() {
        Path task = TaskFolders.task(tmp, "gaps", "ok");
        for (String id : List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7")) {
            writeGrey(task.resolve("images/" + id + ".png"), ramp(4, 6), 4, 6);
        }

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolderTask.open(task));

        assertTrue(e.getMessage().contains("images without a mask"), e.getMessage());
        assertTrue(e.getMessage().contains("m1, m2, m3, m4, m5 and 2 more"), e.getMessage());
        assertFalse(e.getMessage().contains("m6"), e.getMessage());
        assertTrue(e.getMessage().contains(task.toString()), e.getMessage());
    }

    @Test
    void aMaskWithoutAnImageIsAnError() {
        Path task = TaskFolders.task(tmp, "orphan", "ok");
        writeGrey(task.resolve("masks/lonely.png"), leftColumns(4, 6, 1, 255), 4, 6);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolderTask.open(task));

        assertTrue(e.getMessage().contains("masks without an image"), e.getMessage());
        assertTrue(e.getMessage().contains("lonely"), e.getMessage());
    }

    @Test
    void aMissingMasksFolderOrAnEmptyImagesFolderIsAnError() throws IOException {
        Path noMasks = tmp.resolve("nomasks");
        writeGrey(noMasks.resolve("images/a.png"), ramp(2, 2), 2, 2);
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty.resolve("images"));
        Files.createDirectories(empty.resolve("masks"));

        InvalidInputException e1 = assertThrows(InvalidInputException.class, () -> ImageFolderTask.open(noMasks));
        InvalidInputException e2 = assertThrows(InvalidInputException.class, () -> ImageFolderTask.open(empty));

        assertTrue(e1.getMessage().contains("no masks/ folder"), e1.getMessage());
        assertTrue(e2.getMessage().contains("has no images"), e2.getMessage());
    }

    @Test
    void strayAndDuplicateFilesAreErrorsButHiddenFilesAreSkipped() throws IOException {
        Path stray = TaskFolders.task(tmp, "stray", "a");
        Files.writeString(stray.resolve("images/notes.txt"), "x");
        Path twice = TaskFolders.task(tmp, "twice", "a");
        writeGrey(twice.resolve("images/a.bmp"), ramp(4, 6), 4, 6);
        Path hidden = TaskFolders.task(tmp, "hidden", "a");
        Files.writeString(hidden.resolve("images/.DS_Store"), "x");

        InvalidInputException e1 = assertThrows(InvalidInputException.class, () -> ImageFolderTask.open(stray));
        InvalidInputException e2 = assertThrows(InvalidInputException.class, () -> ImageFolderTask.open(twice));

        assertTrue(e1.getMessage().contains("notes.txt"), e1.getMessage());
        assertTrue(e2.getMessage().contains("a.bmp and a.png"), e2.getMessage());
        assertEquals(List.of("a"), ImageFolderTask.open(hidden).ids());
    }

    @Test
    void scribblesAreReadWhenPresent() {
        Path task = TaskFolders.task(tmp, "scribbled", "with", "without");
        int[] strokes = new int[24];
        strokes[1] = 1;
        strokes[2] = 1;
        strokes[22] = 2;
        writeGrey(task.resolve("scribbles/with.png"), strokes, 4, 6);

        ImageFolderTask t = ImageFolderTask.open(task);

        LabelMap s = t.load("with").scribbles().orElseThrow();
        assertArrayEquals(strokes, s.data());
        assertTrue(t.load("without").scribbles().isEmpty());
    }

    @Test
    void scribbleValuesOtherThanZeroOneTwoAreRejected() {
        Path task = TaskFolders.task(tmp, "badscribble", "a");
        Path file = writeGrey(task.resolve("scribbles/a.png"), leftColumns(4, 6, 1, 255), 4, 6);

        ImageFolderTask t = ImageFolderTask.open(task);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.load("a"));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("255"), e.getMessage());
    }

    @Test
    void aScribbleWithoutAnImageIsAnError() {
        Path task = TaskFolders.task(tmp, "scribbleorphan", "a");
        writeGrey(task.resolve("scribbles/b.png"), new int[24], 4, 6);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFolderTask.open(task));

        assertTrue(e.getMessage().contains("scribbles without an image"), e.getMessage());
    }

    @Test
    void aSizeMismatchNamesBothFilesAndSizes() {
        Path task = tmp.resolve("mismatch");
        Path image = writeGrey(task.resolve("images/a.png"), ramp(8, 10), 8, 10);
        Path mask = writeGrey(task.resolve("masks/a.png"), leftColumns(6, 10, 2, 255), 6, 10);

        ImageFolderTask t = ImageFolderTask.open(task);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.load("a"));

        String m = e.getMessage();
        assertTrue(m.contains(image.toString()) && m.contains(mask.toString()), m);
        assertTrue(m.contains("8x10") && m.contains("6x10"), m);
    }

    @Test
    void anUnknownIdIsAnErrorAndLoadingTwiceGivesEqualSamples() {
        ImageFolderTask t = ImageFolderTask.open(TaskFolders.task(tmp, "twiceloaded", "a"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.load("zz"));

        assertTrue(e.getMessage().contains("zz"), e.getMessage());
        assertEquals(t.load("a"), t.load("a"));
    }
}
