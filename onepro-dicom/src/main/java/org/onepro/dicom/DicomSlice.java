package org.onepro.dicom;

import ij.plugin.DICOM;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.onepro.core.error.InvalidInputException;

/**
 * One single-frame DICOM file: its checked header and geometry, and its pixels on demand. The header is read and
 * checked in full (transfer syntax, size, frame count, pixel data against the file's length) before any pixel is
 * decoded, so a lying or compressed file is refused before memory is spent on it.
 */
final class DicomSlice {

    /** ImageJ's DICOM decoder keeps static buffers, so every call into it goes through this lock. */
    private static final Object IMAGEJ = new Object();

    private static final double[] IDENTITY_ORIENTATION = {1, 0, 0, 0, 1, 0};

    private final DicomHeader header;
    private final int rows;
    private final int columns;
    private final double rowSpacing;
    private final double columnSpacing;
    private final double[] position;
    private final double[] orientation;

    private DicomSlice(DicomHeader header) {
        this.header = header;
        this.rows = header.integer(DicomHeader.ROWS, "Rows");
        this.columns = header.integer(DicomHeader.COLUMNS, "Columns");
        if (rows <= 0 || columns <= 0) {
            throw header.invalid("has " + rows + " rows and " + columns + " columns");
        }
        double[] spacing = header.has(DicomHeader.PIXEL_SPACING)
                ? header.numbers(DicomHeader.PIXEL_SPACING, "Pixel Spacing", 2) : new double[] {1, 1};
        if (spacing[0] <= 0 || spacing[1] <= 0) {
            throw header.invalid("Pixel Spacing must be positive: " + spacing[0] + "\\" + spacing[1]);
        }
        this.rowSpacing = spacing[0];
        this.columnSpacing = spacing[1];
        this.position = header.has(DicomHeader.IMAGE_POSITION)
                ? header.numbers(DicomHeader.IMAGE_POSITION, "Image Position (Patient)", 3) : null;
        this.orientation = header.has(DicomHeader.IMAGE_ORIENTATION)
                ? unitOrientation(header.numbers(DicomHeader.IMAGE_ORIENTATION, "Image Orientation (Patient)", 6))
                : null;
    }

    /** Whether a file starts with the DICOM preamble and its {@code DICM} marker. */
    static boolean isDicom(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132
                    && "DICM".equals(new String(head, 128, 4, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads and checks a file's header.
     *
     * @throws InvalidInputException naming the file, if it is not a DICOM file, uses a transfer syntax that is not
     *                               read, holds colour or several frames, or holds less pixel data than its header
     *                               promises
     */
    static DicomSlice open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("DICOM file " + file + " does not exist or is not a file");
        }
        if (!isDicom(file)) {
            throw new InvalidInputException("DICOM file " + file + " is not a DICOM file: no DICM marker at byte 128");
        }
        String listing;
        synchronized (IMAGEJ) {
            listing = new DICOM().getInfo(file.toString());
        }
        if (listing == null || listing.isBlank()) {
            throw new InvalidInputException("DICOM file " + file + " has no readable header");
        }
        DicomHeader header = DicomHeader.parse(file, listing);
        TransferSyntax.check(header);
        if (header.has(DicomHeader.SAMPLES_PER_PIXEL) && header.integer(DicomHeader.SAMPLES_PER_PIXEL,
                "Samples per Pixel") != 1) {
            throw header.invalid("holds colour pixels (" + header.text(DicomHeader.SAMPLES_PER_PIXEL, "")
                    + " samples per pixel); only greyscale series are read");
        }
        if (header.has(DicomHeader.FRAMES) && header.integer(DicomHeader.FRAMES, "Number of Frames") > 1) {
            throw header.invalid("holds " + header.text(DicomHeader.FRAMES, "") + " frames; multi-frame files are"
                    + " not read, only series of one file per slice");
        }
        DicomSlice slice = new DicomSlice(header);
        slice.checkPixelData();
        return slice;
    }

    private void checkPixelData() {
        if (!header.has(DicomHeader.PIXEL_DATA)) {
            throw header.invalid("holds no pixel data (7FE0,0010)");
        }
        int bits = bitsAllocated();
        long offset = pixelOffset();
        long promised = (long) rows * columns * (bits / 8);
        long size;
        try {
            size = Files.size(header.file());
        } catch (IOException e) {
            throw header.invalid("cannot be read: " + e.getMessage());
        }
        if (size - offset < promised) {
            throw header.invalid("holds " + Math.max(0, size - offset) + " bytes of pixel data; its header promises "
                    + rows + " x " + columns + " pixels of " + bits + " bits = " + promised + " bytes");
        }
    }

    /**
     * The rescaled pixel values, row by row (column index fastest): the stored values (little-endian, signed when
     * Pixel Representation is 1, masked to Bits Stored) times Rescale Slope plus Rescale Intercept. Decoded here
     * rather than by ImageJ, whose rescaling of a slope other than 1 runs menu commands that fail headless.
     */
    float[] pixels() {
        int bits = bitsAllocated();
        int stored = header.has(DicomHeader.BITS_STORED)
                ? header.integer(DicomHeader.BITS_STORED, "Bits Stored") : bits;
        if (stored <= 0 || stored > bits) {
            throw header.invalid("Bits Stored (" + stored + ") must lie in 1.." + bits);
        }
        boolean signed = header.has(DicomHeader.PIXEL_REPRESENTATION)
                && header.integer(DicomHeader.PIXEL_REPRESENTATION, "Pixel Representation") == 1;
        double slope = header.has(DicomHeader.RESCALE_SLOPE)
                ? header.numbers(DicomHeader.RESCALE_SLOPE, "Rescale Slope", 1)[0] : 1;
        double intercept = header.has(DicomHeader.RESCALE_INTERCEPT)
                ? header.numbers(DicomHeader.RESCALE_INTERCEPT, "Rescale Intercept", 1)[0] : 0;
        if (slope == 0) {
            throw header.invalid("Rescale Slope is 0, which would make every pixel the same");
        }
        int bytes = bits / 8;
        long rawBytes = (long) rows * columns * bytes;
        if (rawBytes > Integer.MAX_VALUE - 8) {
            // Only reachable with a voxel budget raised past what one Java array holds.
            throw header.invalid("holds " + rows + " x " + columns + " pixels of " + bytes * 8 + " bits, more than"
                    + " one slice can be read as (2 GB)");
        }
        byte[] raw = new byte[(int) rawBytes];
        try (InputStream in = Files.newInputStream(header.file())) {
            in.skipNBytes(pixelOffset());
            if (in.readNBytes(raw, 0, raw.length) != raw.length) {
                throw header.invalid("ends inside its pixel data");
            }
        } catch (IOException e) {
            throw header.invalid("cannot be read: " + e.getMessage());
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long mask = stored == 64 ? -1L : (1L << stored) - 1;
        long signBit = 1L << (stored - 1);
        float[] out = new float[rows * columns];
        for (int i = 0; i < out.length; i++) {
            long v = switch (bytes) {
                case 1 -> buffer.get() & 0xFFL;
                case 2 -> buffer.getShort() & 0xFFFFL;
                default -> buffer.getInt() & 0xFFFFFFFFL;
            };
            v &= mask;
            if (signed && (v & signBit) != 0) {
                v -= 1L << stored;
            }
            out[i] = (float) (v * slope + intercept);
        }
        return out;
    }

    private int bitsAllocated() {
        int bits = header.has(DicomHeader.BITS_ALLOCATED)
                ? header.integer(DicomHeader.BITS_ALLOCATED, "Bits Allocated") : 16;
        if (bits != 8 && bits != 16 && bits != 32) {
            throw header.invalid("has " + bits + " bits per pixel; 8, 16 and 32 are read");
        }
        return bits;
    }

    /** Where the pixel data starts: ImageJ's header listing gives the byte offset as the value of 7FE0,0010. */
    private long pixelOffset() {
        return header.integer(DicomHeader.PIXEL_DATA, "Pixel Data offset");
    }

    DicomHeader header() {
        return header;
    }

    Path file() {
        return header.file();
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    /** Spacing between rows (along the column direction), mm. */
    double rowSpacing() {
        return rowSpacing;
    }

    /** Spacing between columns (along the row direction), mm. */
    double columnSpacing() {
        return columnSpacing;
    }

    boolean hasGeometry() {
        return position != null && orientation != null;
    }

    /** Image Position (Patient) in LPS mm, or the origin when the file has none. */
    double[] position() {
        return position == null ? new double[3] : position.clone();
    }

    /** The row direction (x) then the column direction (y), unit vectors in LPS; identity when absent. */
    double[] orientation() {
        return orientation == null ? IDENTITY_ORIENTATION.clone() : orientation.clone();
    }

    private double[] unitOrientation(double[] v) {
        double[] out = Arrays.copyOf(v, 6);
        for (int base = 0; base < 6; base += 3) {
            double norm = Math.sqrt(v[base] * v[base] + v[base + 1] * v[base + 1] + v[base + 2] * v[base + 2]);
            if (norm < 1e-6) {
                throw header.invalid("Image Orientation (Patient) holds a zero direction: "
                        + header.text(DicomHeader.IMAGE_ORIENTATION, ""));
            }
            for (int i = 0; i < 3; i++) {
                out[base + i] = v[base + i] / norm;
            }
        }
        double dot = out[0] * out[3] + out[1] * out[4] + out[2] * out[5];
        if (Math.abs(dot) > 1e-3) {
            throw header.invalid("Image Orientation (Patient) has directions that are not perpendicular: "
                    + header.text(DicomHeader.IMAGE_ORIENTATION, ""));
        }
        return out;
    }
}
