package org.onepro.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class ImageDecodingTest {

    @TempDir
    Path dir;

    private static BufferedImage grey(int width, int height, int value) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        return img;
    }

    private Path tiff(String name, int pages) throws IOException {
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int p = 0; p < pages; p++) {
                writer.writeToSequence(new IIOImage(grey(12, 9, 40 * (p + 1)), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    @Test
    void aSinglePageTiffIsRead() throws IOException {
        BufferedImage img = ImageDecoding.read(tiff("one.tif", 1));
        assertEquals(12, img.getWidth());
        assertEquals(40, img.getRaster().getSample(3, 4, 0));
    }

    @Test
    void aMultiPageTiffIsRefusedInsteadOfReadAsItsFirstPage() throws IOException {
        Path stack = tiff("stack.tif", 3);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageDecoding.read(stack));
        assertTrue(e.getMessage().startsWith(stack + " holds more than one image (a multi-page TIFF"),
                e.getMessage());
        byte[] bytes = Files.readAllBytes(stack);
        InvalidInputException upload = assertThrows(InvalidInputException.class,
                () -> ImageDecoding.read(bytes, "upload stack.tif"));
        assertTrue(upload.getMessage().startsWith("upload stack.tif holds more than one image"), upload.getMessage());
    }
}
