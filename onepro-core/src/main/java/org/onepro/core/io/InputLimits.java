package org.onepro.core.io;

import java.util.Locale;
import org.onepro.core.error.InvalidInputException;

/**
 * The largest image and volume OnePro decodes, checked from a file's header before any pixel is read, so a small
 * file that claims a huge size (a PNG of 20000 x 20000 in 389 KB) is refused at once instead of filling the heap.
 * Images are kept as float arrays (4 bytes per pixel and channel), which these budgets bound. Set
 * {@code -Donepro.maxPixels=N} or {@code -Donepro.maxVoxels=N} to change them.
 */
public final class InputLimits {

    /** Default largest image: 8192 x 8192 pixels (768 MB as a float RGB image). */
    public static final long DEFAULT_MAX_PIXELS = 8192L * 8192;
    /** Default largest volume: 300 million voxels (1.2 GB as floats), room for a 512 x 512 x 1100 CT. */
    public static final long DEFAULT_MAX_VOXELS = 300_000_000L;

    private InputLimits() {
    }

    /** The pixel budget of one 2-D image. */
    public static long maxPixels() {
        return limit("onepro.maxPixels", DEFAULT_MAX_PIXELS);
    }

    /** The voxel budget of one volume. */
    public static long maxVoxels() {
        return limit("onepro.maxVoxels", DEFAULT_MAX_VOXELS);
    }

    /**
     * Refuses an image larger than the pixel budget.
     *
     * @param width  pixels per row, from the header
     * @param height rows, from the header
     * @param what   the file or upload, for the message
     * @throws InvalidInputException naming it, its size and the budget
     */
    public static void checkImage(long width, long height, String what) {
        long pixels = width * height;
        if (width <= 0 || height <= 0 || pixels > maxPixels()) {
            throw new InvalidInputException(what + " is " + width + " x " + height + " = " + count(pixels)
                    + " pixels, over the limit of " + count(maxPixels()) + " (-Donepro.maxPixels)");
        }
    }

    /**
     * Refuses a volume larger than the voxel budget.
     *
     * @throws InvalidInputException naming the file, its size and the budget
     */
    public static void checkVolume(long nx, long ny, long nz, String what) {
        long voxels = nx * ny * nz;
        if (voxels > maxVoxels()) {
            throw new InvalidInputException(what + " is " + nx + " x " + ny + " x " + nz + " = " + count(voxels)
                    + " voxels, over the limit of " + count(maxVoxels()) + " (-Donepro.maxVoxels)");
        }
    }

    private static long limit(String property, long fallback) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim().replace("_", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("-D" + property + " must be a positive whole number, not '" + text + "'");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
