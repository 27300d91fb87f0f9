package org.onepro.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.onepro.data.dataset.LabeledImage;

/**
 * Writes {@code target/synthetic-contact-sheet.png} for a person to look at: one row per target kind (the first
 * task of each kind), four samples per row, each shown as the plain image next to the image with the target's
 * outline in red.
 */
class SyntheticContactSheetTest {

    private static final int SIZE = 128;
    private static final int SAMPLES = 4;
    private static final int GAP = 6;
    private static final int OUTLINE = 0xFF3030;

    @Test
    void writesAContactSheetWithOneRowPerTargetKind() throws IOException {
        List<SyntheticTask> tasks = firstTaskOfEachKind();
        int cellWidth = 2 * SIZE + GAP / 2;
        int width = SAMPLES * cellWidth + (SAMPLES + 1) * GAP;
        int height = tasks.size() * SIZE + (tasks.size() + 1) * GAP;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(sheet, 0x202020);
        for (int row = 0; row < tasks.size(); row++) {
            SyntheticTask task = tasks.get(row);
            for (int col = 0; col < SAMPLES; col++) {
                LabeledImage sample = task.load(task.ids().get(col));
                int x = GAP + col * (cellWidth + GAP);
                int y = GAP + row * (SIZE + GAP);
                draw(sheet, sample, x, y, false);
                draw(sheet, sample, x + SIZE + GAP / 2, y, true);
            }
        }
        Path file = Path.of("target", "synthetic-contact-sheet.png");
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(sheet, "png", file.toFile()), "no PNG writer");

        BufferedImage back = ImageIO.read(file.toFile());
        assertNotNull(back);
        assertEquals(width, back.getWidth());
        assertEquals(height, back.getHeight());
        assertEquals(ShapeKind.values().length, tasks.size());
    }

    private static List<SyntheticTask> firstTaskOfEachKind() {
        Set<ShapeKind> seen = EnumSet.noneOf(ShapeKind.class);
        List<SyntheticTask> tasks = new ArrayList<>();
        for (int i = 0; i < 50 && seen.size() < ShapeKind.values().length; i++) {
            SyntheticTask task = SyntheticTasks.task(i, SAMPLES, SIZE, 2024);
            if (seen.add(task.spec().target().kind())) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private static void draw(BufferedImage sheet, LabeledImage sample, int left, int top, boolean outline) {
        float[] pixels = sample.image().channel(0);
        int[] labels = sample.labels().data();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int i = y * SIZE + x;
                int grey = Math.round(pixels[i] * 255f);
                int rgb = (grey << 16) | (grey << 8) | grey;
                if (outline && isEdge(labels, x, y)) {
                    rgb = OUTLINE;
                }
                sheet.setRGB(left + x, top + y, rgb);
            }
        }
    }

    /** A label pixel with a 4-neighbour outside the label (or outside the image). */
    private static boolean isEdge(int[] labels, int x, int y) {
        if (labels[y * SIZE + x] == 0) {
            return false;
        }
        return x == 0 || y == 0 || x == SIZE - 1 || y == SIZE - 1 || labels[y * SIZE + x - 1] == 0
                || labels[y * SIZE + x + 1] == 0 || labels[(y - 1) * SIZE + x] == 0
                || labels[(y + 1) * SIZE + x] == 0;
    }

    private static void fill(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, rgb);
            }
        }
    }
}
