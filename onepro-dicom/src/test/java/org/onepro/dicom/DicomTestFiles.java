package org.onepro.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small single-frame greyscale DICOM files for tests: a part-10 file (preamble, {@code DICM}, file meta in
 * Explicit VR Little Endian) whose data set is Explicit or Implicit VR Little Endian, with signed 16-bit pixels.
 * Setters return this; {@link #write} may be called many times with changed fields.
 */
public final class DicomTestFiles {

    /** The transfer syntax UIDs the writer can encode, and one compressed one it only names. */
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";

    private String transferSyntax = EXPLICIT_LE;
    private String seriesUid = "1.2.826.0.1.3680043.10.1.1";
    private int rows = 8;
    private int columns = 8;
    private double[] position = {0, 0, 0};
    private double[] orientation = {1, 0, 0, 0, 1, 0};
    private double[] pixelSpacing = {1, 1};
    private double slope = 1;
    private double intercept = 0;
    private int frames = 1;
    private int missingPixelBytes;
    private boolean geometry = true;

    public DicomTestFiles transferSyntax(String uid) {
        this.transferSyntax = uid;
        return this;
    }

    public DicomTestFiles series(String uid) {
        this.seriesUid = uid;
        return this;
    }

    public DicomTestFiles size(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        return this;
    }

    public DicomTestFiles position(double x, double y, double z) {
        this.position = new double[] {x, y, z};
        return this;
    }

    public DicomTestFiles orientation(double... rowThenColumn) {
        this.orientation = rowThenColumn.clone();
        return this;
    }

    /** Spacing between rows, then between columns, as DICOM orders them. */
    public DicomTestFiles pixelSpacing(double betweenRows, double betweenColumns) {
        this.pixelSpacing = new double[] {betweenRows, betweenColumns};
        return this;
    }

    public DicomTestFiles rescale(double slope, double intercept) {
        this.slope = slope;
        this.intercept = intercept;
        return this;
    }

    public DicomTestFiles frames(int frames) {
        this.frames = frames;
        return this;
    }

    /** Leaves out position and orientation. */
    public DicomTestFiles withoutGeometry() {
        this.geometry = false;
        return this;
    }

    /** Cuts this many bytes off the end of the pixel data. */
    public DicomTestFiles truncate(int bytes) {
        this.missingPixelBytes = bytes;
        return this;
    }

    /**
     * Writes one file.
     *
     * @param file   the target
     * @param stored stored values, row by row, {@code rows * columns} of them
     */
    public Path write(Path file, short[] stored) {
        if (stored.length != rows * columns) {
            throw new IllegalArgumentException("need " + rows * columns + " values, got " + stored.length);
        }
        boolean explicit = !IMPLICIT_LE.equals(transferSyntax);
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1}, true);
        element(meta, 0x0002, 0x0002, "UI", uid("1.2.840.10008.5.1.4.1.1.2"), true);
        element(meta, 0x0002, 0x0003, "UI", uid(seriesUid + "." + Math.abs(file.getFileName().hashCode())), true);
        element(meta, 0x0002, 0x0010, "UI", uid(transferSyntax), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x0002, 0x0000, "UL", le(4).putInt(meta.size()).array(), true);
        out.writeBytes(meta.toByteArray());
        element(out, 0x0008, 0x0060, "CS", text("CT"), explicit);
        element(out, 0x0020, 0x000E, "UI", uid(seriesUid), explicit);
        if (geometry) {
            element(out, 0x0020, 0x0032, "DS", text(join(position)), explicit);
            element(out, 0x0020, 0x0037, "DS", text(join(orientation)), explicit);
        }
        element(out, 0x0028, 0x0002, "US", le(2).putShort((short) 1).array(), explicit);
        element(out, 0x0028, 0x0004, "CS", text("MONOCHROME2"), explicit);
        if (frames != 1) {
            element(out, 0x0028, 0x0008, "IS", text(Integer.toString(frames)), explicit);
        }
        element(out, 0x0028, 0x0010, "US", le(2).putShort((short) rows).array(), explicit);
        element(out, 0x0028, 0x0011, "US", le(2).putShort((short) columns).array(), explicit);
        element(out, 0x0028, 0x0030, "DS", text(join(pixelSpacing)), explicit);
        element(out, 0x0028, 0x0100, "US", le(2).putShort((short) 16).array(), explicit);
        element(out, 0x0028, 0x0101, "US", le(2).putShort((short) 16).array(), explicit);
        element(out, 0x0028, 0x0102, "US", le(2).putShort((short) 15).array(), explicit);
        element(out, 0x0028, 0x0103, "US", le(2).putShort((short) 1).array(), explicit);
        element(out, 0x0028, 0x1052, "DS", text(number(intercept)), explicit);
        element(out, 0x0028, 0x1053, "DS", text(number(slope)), explicit);
        ByteBuffer pixels = le(stored.length * 2 * frames);
        for (int f = 0; f < frames; f++) {
            for (short v : stored) {
                pixels.putShort(v);
            }
        }
        element(out, 0x7FE0, 0x0010, "OW", pixels.array(), explicit);
        byte[] bytes = out.toByteArray();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - missingPixelBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value,
            boolean explicit) {
        ByteBuffer b = le(12).putShort((short) group).putShort((short) element);
        if (!explicit) {
            b.putInt(value.length);
        } else if (vr.equals("OB") || vr.equals("OW")) {
            b.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putInt(value.length);
        } else {
            b.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) value.length);
        }
        out.write(b.array(), 0, b.position());
        out.writeBytes(value);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] uid(String value) {
        return (value.length() % 2 == 1 ? value + "\0" : value).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text(String value) {
        return (value.length() % 2 == 1 ? value + " " : value).getBytes(StandardCharsets.US_ASCII);
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : "\\").append(number(v));
        }
        return s.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
