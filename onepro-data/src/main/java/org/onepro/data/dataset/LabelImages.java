package org.onepro.data.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.onepro.core.error.InvalidInputException;

/**
 * Reads label images (masks, scribbles) as the integers they store, without the scaling that
 * {@link org.onepro.core.image.Image#read} applies to intensities.
 */
final class LabelImages {

    private LabelImages() {
    }

    /**
     * Reads the first band's integer samples of an image file; palette images give their palette indices,
     * which is how indexed label PNGs store their labels.
     *
     * @param file the label image
     * @return the labels, one per pixel
     * @throws InvalidInputException if the file is missing, unreadable, or stores floating-point samples
     */
    static LabelMap read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("label file " + file + " does not exist or is not a regular file");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("label file " + file + " could not be read: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new InvalidInputException("file " + file + " is not in an image format ImageIO can read");
        }
        Raster raster = img.getRaster();
        int type = raster.getTransferType();
        if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            throw new InvalidInputException("label file " + file + " stores floating-point samples; labels must be"
                    + " integers");
        }
        int height = raster.getHeight();
        int width = raster.getWidth();
        int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        if (type == DataBuffer.TYPE_SHORT) {
            // A signed 16-bit raster would turn labels above 32767 negative; read them back as unsigned.
            for (int i = 0; i < samples.length; i++) {
                samples[i] &= 0xFFFF;
            }
        }
        try {
            return LabelMap.of(samples, height, width);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("label file " + file + ": " + e.getMessage(), e);
        }
    }
}
