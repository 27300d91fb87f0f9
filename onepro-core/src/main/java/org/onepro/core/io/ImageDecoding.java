package org.onepro.core.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.onepro.core.error.InvalidInputException;

/**
 * The one way OnePro decodes an image file or upload: through {@link ImageIO}, with the size read from the header
 * and checked against {@link InputLimits#maxPixels()} before the pixels are decoded. A file holding more than one
 * image (a multi-page TIFF, an animated GIF) is refused rather than read as its first page, which would silently
 * drop the rest of a stack.
 */
public final class ImageDecoding {

    /** A check of an image's size from its header, before decoding; it throws to refuse the image. */
    @FunctionalInterface
    public interface SizeCheck {
        void check(int width, int height);
    }

    private ImageDecoding() {
    }

    /**
     * Decodes the first image of a file.
     *
     * @param file the file
     * @return the image, or {@code null} if no ImageIO reader understands the file
     * @throws IOException if reading fails
     * @throws org.onepro.core.error.InvalidInputException if the header's size is over the pixel budget
     */
    public static BufferedImage read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, budget(file.toString()), file.toString());
        }
    }

    /**
     * Decodes the first image of some bytes (an upload, an inline mask).
     *
     * @param bytes the encoded image
     * @param what  how a refusal names it
     * @return the image, or {@code null} if no ImageIO reader understands the bytes
     * @throws IOException if reading fails
     * @throws org.onepro.core.error.InvalidInputException if the header's size is over the pixel budget
     */
    public static BufferedImage read(byte[] bytes, String what) throws IOException {
        return read(new ByteArrayInputStream(bytes), budget(what), what);
    }

    /**
     * Decodes the first image of some bytes after a check of its own on the header's size (the server's uploads
     * have a tighter limit than the pixel budget).
     *
     * @return the image, or {@code null} if no ImageIO reader understands the bytes
     * @throws IOException if reading fails
     */
    public static BufferedImage read(byte[] bytes, SizeCheck check) throws IOException {
        return read(new ByteArrayInputStream(bytes), check, "the image");
    }

    /**
     * Whether a second image follows the first; only its header is read. Readers say "no such image" with an
     * index error or, some of them, an I/O error; the first image has been read already, so either means one.
     */
    private static boolean hasSecondImage(ImageReader reader) {
        try {
            reader.getWidth(1);
            return true;
        } catch (IndexOutOfBoundsException | IOException e) {
            return false;
        }
    }

    private static SizeCheck budget(String what) {
        return (width, height) -> InputLimits.checkImage(width, height, what);
    }

    private static BufferedImage read(InputStream in, SizeCheck check, String what) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                check.check(reader.getWidth(0), reader.getHeight(0));
                BufferedImage image = reader.read(0);
                if (hasSecondImage(reader)) {
                    throw new InvalidInputException(what + " holds more than one image (a multi-page TIFF or an"
                            + " animated image); OnePro reads one 2-D image per file: save each page as its own"
                            + " file, or a stack as a NIfTI volume");
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }
}
