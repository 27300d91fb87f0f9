package org.onepro.data.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.io.AtomicFiles;
import org.onepro.core.io.ImageDecoding;
import org.onepro.core.mask.Mask;
import org.onepro.data.dataset.LabelMap;

/**
 * Reads 2-D images and label maps from PNG, JPEG, BMP, GIF and TIFF files through {@link ImageIO}, and writes
 * images, masks and label maps as PNG files, atomically.
 *
 * <p>Images are read as float values in {@code [0, 1]}: 8-bit samples are divided by 255 and 16-bit samples by
 * 65535. Grey files (8- or 16-bit, with or without alpha) give one channel; colour files give three RGB channels
 * with any alpha dropped. Palette files give RGB, or one grey channel when every palette entry is grey (which is
 * also how ImageIO presents 1-, 2- and 4-bit grey PNGs).
 *
 * <p>Label maps are read from the raw integer samples of the first band, never from colour-converted values, so a
 * 0/255 mask gives label 255, a 16-bit label PNG keeps its values and a palette PNG gives its palette indices.
 */
public final class ImageFiles {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

    private ImageFiles() {
    }

    /**
     * Tells whether a path names an image file this class reads, judged by its extension alone ({@code png},
     * {@code jpg}, {@code jpeg}, {@code bmp}, {@code tif}, {@code tiff}, in any letter case).
     *
     * @param file the path
     * @return {@code true} for one of the extensions above
     */
    public static boolean isImageFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Reads an image file as described in the class comment.
     *
     * @param file the image file
     * @return the image, without pixel spacing
     * @throws InvalidInputException if the file is missing, unreadable, not an image, or holds a non-finite
     *                               floating-point sample; the message names the file
     */
    public static Image readImage(Path file) {
        BufferedImage img = readBuffered(file, "image");
        try {
            return Image.fromBufferedImage(img);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("image file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a label file: the first band's integer samples are the labels, 0 being background.
     *
     * @param file the label file
     * @return the label map
     * @throws InvalidInputException if the file is missing, unreadable or not an image, or a sample is negative
     *                               or (in a floating-point TIFF) not a whole number; the message names the file
     */
    public static LabelMap readLabels(Path file) {
        BufferedImage img = readBuffered(file, "label");
        Raster raster = img.getRaster();
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] labels = new int[width * height];
        int type = raster.getTransferType();
        if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
            double[] samples = raster.getSamples(0, 0, width, height, 0, (double[]) null);
            for (int i = 0; i < samples.length; i++) {
                double v = samples[i];
                if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
                    throw new InvalidInputException("label file " + file + ": pixel (x " + (i % width) + ", y "
                            + (i / width) + ") holds " + v + "; labels must be non-negative whole numbers");
                }
                labels[i] = (int) v;
            }
        } else {
            raster.getSamples(0, 0, width, height, 0, labels);
            for (int i = 0; i < labels.length; i++) {
                // Signed 16-bit rasters, and 32-bit samples above 2^31-1, arrive here as negative ints.
                if (labels[i] < 0) {
                    throw new InvalidInputException("label file " + file + ": pixel (x " + (i % width) + ", y "
                            + (i / width) + ") holds " + labels[i] + "; labels must be non-negative");
                }
            }
        }
        return LabelMap.of(labels, height, width);
    }

    /**
     * Writes a mask as an 8-bit grey PNG with 255 for foreground and 0 for background (visible in any viewer;
     * {@link Mask#read} and {@link #readLabels} read it back as foreground and label 255).
     *
     * @param mask the mask
     * @param file the target, whose name must end in {@code .png}
     * @throws InvalidInputException         if the name does not end in {@code .png}
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void writeMask(Mask mask, Path file) {
        Objects.requireNonNull(mask, "mask");
        writePng(mask.toBufferedImage(), file);
    }

    /**
     * Writes a label map as a grey PNG holding the labels themselves: 8-bit when every label is at most 255,
     * otherwise 16-bit.
     *
     * @param labels the label map
     * @param file   the target, whose name must end in {@code .png}
     * @throws InvalidInputException         if the name does not end in {@code .png} or a label exceeds 65535
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void writeLabels(LabelMap labels, Path file) {
        Objects.requireNonNull(labels, "labels");
        int[] values = labels.data();
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        if (max > 0xFFFF) {
            throw new InvalidInputException("cannot write " + file + ": label " + max
                    + " does not fit a 16-bit PNG (at most 65535)");
        }
        int type = max <= 0xFF ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY;
        BufferedImage img = new BufferedImage(labels.width(), labels.height(), type);
        img.getRaster().setSamples(0, 0, labels.width(), labels.height(), 0, values);
        writePng(img, file);
    }

    /**
     * Writes a 1- or 3-channel image as an 8-bit grey or RGB PNG; values are clamped to {@code [0, 1]} and scaled
     * to {@code 0..255} with rounding.
     *
     * @param image the image
     * @param file  the target, whose name must end in {@code .png}
     * @throws InvalidInputException         if the name does not end in {@code .png} or the image has neither one
     *                                       nor three channels
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void writeImage(Image image, Path file) {
        Objects.requireNonNull(image, "image");
        BufferedImage img;
        try {
            img = image.toBufferedImage();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
        writePng(img, file);
    }

    private static BufferedImage readBuffered(Path file, String role) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(role + " file " + file + " does not exist or is not a regular file");
        }
        BufferedImage img;
        try {
            img = ImageDecoding.read(file);
        } catch (InvalidInputException e) {
            throw e; // already names the file and what is wrong (an image over the pixel budget)
        } catch (IOException | RuntimeException e) {
            // Decoders also signal corrupt data with unchecked exceptions (e.g. array index errors in a bad chunk).
            throw new InvalidInputException(role + " file " + file + " could not be read: " + e, e);
        }
        if (img == null) {
            throw new InvalidInputException(role + " file " + file
                    + " is not an image in a format ImageIO can read (PNG, JPEG, BMP, GIF, TIFF)");
        }
        return img;
    }

    private static void writePng(BufferedImage img, Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            // Writing PNG bytes under another extension would mislead every tool that trusts the name.
            throw new InvalidInputException("cannot write " + file + ": only PNG is written, so the name must end "
                    + "in .png");
        }
        AtomicFiles.write(file, out -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
            if (!writers.hasNext()) {
                throw new IOException("this Java runtime has no PNG writer");
            }
            ImageWriter writer = writers.next();
            // An in-memory cache avoids ImageIO's default of spooling through a file in java.io.tmpdir.
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(img);
            } finally {
                writer.dispose();
            }
        });
    }
}
