package org.onepro.data.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.onepro.core.image.Image;

/** Writes small task folders for the dataset tests. */
final class TaskFolders {

    private TaskFolders() {
    }

    /** Writes an 8-bit grey image whose format follows the file's extension. */
    static Path writeGrey(Path file, int[] rowMajor, int height, int width) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, width, height, 0, rowMajor);
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String format = switch (ext) {
            case "jpg" -> "jpeg";
            case "tif" -> "tiff";
            default -> ext;
        };
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A {@code height x width} grey ramp, so images are not blank. */
    static int[] ramp(int height, int width) {
        int[] v = new int[height * width];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7) % 256;
        }
        return v;
    }

    /** A mask whose left {@code cols} columns hold {@code label}. */
    static int[] leftColumns(int height, int width, int cols, int label) {
        int[] v = new int[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < cols; x++) {
                v[y * width + x] = label;
            }
        }
        return v;
    }

    /** Writes {@code <task>/images/<id>.png} and {@code <task>/masks/<id>.png} (4x6, left half label 255). */
    static void writePair(Path task, String id) {
        writeGrey(task.resolve("images").resolve(id + ".png"), ramp(4, 6), 4, 6);
        writeGrey(task.resolve("masks").resolve(id + ".png"), leftColumns(4, 6, 3, 255), 4, 6);
    }

    /** A task folder holding the given ids. */
    static Path task(Path root, String name, String... ids) {
        Path task = root.resolve(name);
        for (String id : ids) {
            writePair(task, id);
        }
        return task;
    }

    /** An in-memory task whose samples are 1x1 images, for tests that only need names and ids. */
    record ListedTask(String name, List<String> ids) implements TaskDataset {

        @Override
        public LabeledImage load(String id) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException(id);
            }
            return LabeledImage.of(name, id, Image.of(new float[] {0.5f}, 1, 1, 1),
                    LabelMap.of(new int[] {1}, 1, 1));
        }
    }
}
