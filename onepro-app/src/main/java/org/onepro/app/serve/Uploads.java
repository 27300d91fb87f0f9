package org.onepro.app.serve;

import org.onepro.core.image.Image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images uploaded from the page, kept in memory (newest {@value #MAX_KEPT}). The pixel count is read from the
 * file's header before anything is decoded, so a small file that would decode into a huge image is refused without
 * allocating it.
 */
final class Uploads {

    /** The largest upload body. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The largest image side accepted. */
    static final int MAX_SIDE = 4096;
    static final int MAX_KEPT = 32;

    private final Map<String, Image> images = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MAX_KEPT;
        }
    };
    private int counter;

    /**
     * Decodes and keeps an upload.
     *
     * @return its id
     * @throws ApiException 400 for a body that is no image ImageIO reads, 413 for one over the limits
     */
    synchronized String add(String fileName, byte[] bytes) {
        Image image = decode(fileName, bytes);
        counter++;
        String id = String.format("%03d-%s", counter, safeName(fileName));
        images.put(id, image);
        return id;
    }

    synchronized Image get(String id) {
        Image image = images.get(id);
        if (image == null) {
            throw ApiException.notFound("no uploaded image '" + id + "' (uploads are kept in memory until the server"
                    + " stops, the newest " + MAX_KEPT + ")");
        }
        return image;
    }

    synchronized List<String> ids() {
        return new ArrayList<>(images.keySet()).stream().sorted().toList();
    }

    static Image decode(String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw ApiException.tooLarge(fileName + " is " + bytes.length + " bytes; uploads are limited to "
                    + MAX_BYTES / (1024 * 1024) + " MB");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw ApiException.badRequest(fileName + " is not an image (PNG, JPEG, BMP, GIF or TIFF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE) {
                    throw ApiException.tooLarge(fileName + " is " + w + " x " + h + " pixels; images may be at most "
                            + MAX_SIDE + " pixels on a side");
                }
                BufferedImage decoded = reader.read(0);
                return Image.fromBufferedImage(decoded);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest(fileName + " could not be read as an image: " + e.getMessage());
        }
    }

    /** A file name reduced to letters, digits, dots, dashes and underscores (ids appear in URLs and file names). */
    static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return safe.isEmpty() ? "image" : safe.length() > 80 ? safe.substring(0, 80) : safe;
    }
}
