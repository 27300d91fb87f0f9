package org.onepro.app.serve;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.onepro.core.image.Image;
import org.onepro.core.io.ImageDecoding;

/**
 * Images uploaded from the page, kept in memory as the bytes that were uploaded (the newest {@value #MAX_KEPT}, at most
 * {@value #MAX_KEPT_BYTES} bytes in all) and decoded when used: a 49 KB PNG of 4096 x 4096 pixels stays 49 KB, where
 * its float image would take 201 MB. The pixel count is read from the file's header before anything is decoded, so
 * a small file that would decode into a huge image is refused without allocating it.
 */
final class Uploads {

    /** The largest upload body. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The largest image side accepted. */
    static final int MAX_SIDE = 4096;
    static final int MAX_KEPT = 32;
    /** The most upload bytes kept; older uploads are dropped first. */
    static final long MAX_KEPT_BYTES = 128L * 1024 * 1024;

    // Access order: the least recently used upload is dropped first.
    private final LinkedHashMap<String, byte[]> files = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;
    private int counter;

    /**
     * Decodes and keeps an upload.
     *
     * @return its id
     * @throws ApiException 400 for a body that is no image ImageIO reads, 413 for one over the limits
     */
    synchronized String add(String fileName, byte[] bytes) {
        decode(fileName, bytes); // refuses what is not an image or too large; the image itself is not kept
        counter++;
        String id = String.format("%03d-%s", counter, safeName(fileName));
        files.put(id, bytes.clone());
        keptBytes += bytes.length;
        Iterator<Map.Entry<String, byte[]>> oldest = files.entrySet().iterator();
        while ((files.size() > MAX_KEPT || keptBytes > MAX_KEPT_BYTES) && oldest.hasNext()) {
            Map.Entry<String, byte[]> e = oldest.next();
            if (e.getKey().equals(id)) {
                break;
            }
            keptBytes -= e.getValue().length;
            oldest.remove();
        }
        return id;
    }

    Image get(String id) {
        byte[] bytes;
        synchronized (this) {
            bytes = files.get(id);
        }
        if (bytes == null) {
            throw ApiException.notFound("no uploaded image '" + id + "' (uploads are kept in memory until the server"
                    + " stops: the newest " + MAX_KEPT + ", at most " + MAX_KEPT_BYTES / (1024 * 1024) + " MB)");
        }
        return decode(id, bytes);
    }

    synchronized List<String> ids() {
        return new ArrayList<>(files.keySet()).stream().sorted().toList();
    }

    /** Bytes held for the kept uploads. */
    synchronized long keptBytes() {
        return keptBytes;
    }

    static Image decode(String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw ApiException.tooLarge(fileName + " is " + bytes.length + " bytes; uploads are limited to "
                    + MAX_BYTES / (1024 * 1024) + " MB");
        }
        BufferedImage decoded;
        try {
            decoded = ImageDecoding.read(bytes, (w, h) -> {
                if (w > MAX_SIDE || h > MAX_SIDE) {
                    throw ApiException.tooLarge(fileName + " is " + w + " x " + h + " pixels; images may be at most "
                            + MAX_SIDE + " pixels on a side");
                }
            });
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest(fileName + " could not be read as an image: " + e.getMessage());
        }
        if (decoded == null) {
            throw ApiException.badRequest(fileName + " is not an image (PNG, JPEG, BMP, GIF or TIFF)");
        }
        return Image.fromBufferedImage(decoded);
    }

    /** A file name reduced to letters, digits, dots, dashes and underscores (ids appear in URLs and file names). */
    static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return safe.isEmpty() ? "image" : safe.length() > 80 ? safe.substring(0, 80) : safe;
    }
}
