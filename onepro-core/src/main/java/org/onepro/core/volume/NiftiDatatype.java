package org.onepro.core.volume;

import java.nio.ByteBuffer;
import java.util.Map;
import org.onepro.core.error.InvalidInputException;

/**
 * The NIfTI voxel datatypes OnePro reads and writes, with how one value is decoded and encoded. Every type is
 * decoded to a double first so that {@code scl_slope/scl_inter} scaling is exact before the final narrowing to
 * float; int16 in particular is widened here and never kept as a short array. RGB voxels are read as their grey
 * value (the mean of the three channels), since the model sees one channel; they are never written.
 */
enum NiftiDatatype {

    /** Unsigned 8-bit integers. */
    UINT8(2, "uint8", 1, 0, 255),
    /** Signed 16-bit integers. */
    INT16(4, "int16", 2, Short.MIN_VALUE, Short.MAX_VALUE),
    /** Signed 32-bit integers. */
    INT32(8, "int32", 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** IEEE 32-bit floats. */
    FLOAT32(16, "float32", 4, 0, 0),
    /** IEEE 64-bit floats. */
    FLOAT64(64, "float64", 8, 0, 0),
    /** Three unsigned bytes per voxel, read as their mean. */
    RGB24(128, "rgb24", 3, 0, 0),
    /** Signed 8-bit integers. */
    INT8(256, "int8", 1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** Unsigned 16-bit integers. */
    UINT16(512, "uint16", 2, 0, 65535),
    /** Unsigned 32-bit integers. */
    UINT32(768, "uint32", 4, 0, 4_294_967_295L),
    /** Signed 64-bit integers. */
    INT64(1024, "int64", 8, Long.MIN_VALUE, Long.MAX_VALUE),
    /** Unsigned 64-bit integers; written only up to the int64 maximum, which every float value written is below. */
    UINT64(1280, "uint64", 8, 0, Long.MAX_VALUE);

    /** Names of the NIfTI-1 datatypes that are not supported, so an error can say what the file holds. */
    private static final Map<Integer, String> OTHER_NAMES = Map.ofEntries(
            Map.entry(1, "binary"), Map.entry(32, "complex64"), Map.entry(1536, "float128"),
            Map.entry(1792, "complex128"), Map.entry(2048, "complex256"), Map.entry(2304, "rgba32"));

    private final int code;
    private final String label;
    private final int bytes;
    private final long min;
    private final long max;

    NiftiDatatype(int code, String label, int bytes, long min, long max) {
        this.code = code;
        this.label = label;
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    /**
     * Looks a code up.
     *
     * @param code    the NIfTI datatype code
     * @param context what the error message should start with (usually the file)
     * @return the datatype
     * @throws InvalidInputException for a code that is not one of these types
     */
    static NiftiDatatype forCode(int code, String context) {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        String name = OTHER_NAMES.get(code);
        throw new InvalidInputException(context + ": unsupported NIfTI datatype " + code
                + (name == null ? "" : " (" + name + ")")
                + "; supported are " + supported());
    }

    private static String supported() {
        StringBuilder s = new StringBuilder();
        for (NiftiDatatype t : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(t.code).append(' ').append(t.label);
        }
        return s.toString();
    }

    /** The NIfTI datatype code. */
    int code() {
        return code;
    }

    /** Bytes per voxel. */
    int bytes() {
        return bytes;
    }

    /** Whether values are integers (and so are rounded and range-checked when written). */
    boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64 && this != RGB24;
    }

    /** Whether volumes can be written in this type (every type but RGB). */
    boolean isWritable() {
        return this != RGB24;
    }

    /** Whether a rounded value lies in this integer type's range. */
    boolean holds(long value) {
        return value >= min && value <= max;
    }

    /** The type's name and, for integer types, its range, as shown in messages. */
    String describe() {
        return isInteger() ? label + ", " + min + " to " + max : label;
    }

    /** The type's name ("int16"). */
    String label() {
        return label;
    }

    /** Decodes one value at the buffer's position, advancing it. */
    double read(ByteBuffer buf) {
        return switch (this) {
            case UINT8 -> buf.get() & 0xFF;
            case INT16 -> buf.getShort();
            case INT32 -> buf.getInt();
            case FLOAT32 -> buf.getFloat();
            case FLOAT64 -> buf.getDouble();
            case RGB24 -> ((buf.get() & 0xFF) + (buf.get() & 0xFF) + (buf.get() & 0xFF)) / 3.0;
            case INT8 -> buf.get();
            case UINT16 -> buf.getShort() & 0xFFFF;
            case UINT32 -> buf.getInt() & 0xFFFF_FFFFL;
            case INT64 -> buf.getLong();
            case UINT64 -> unsigned(buf.getLong());
        };
    }

    private static double unsigned(long bits) {
        return bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
    }

    /**
     * Encodes one value at the buffer's position, advancing it; integer types store it rounded to the nearest
     * integer (halves up), and the caller has checked that the rounded value is in range.
     */
    void write(ByteBuffer buf, float value) {
        long rounded = Math.round((double) value);
        switch (this) {
            case UINT8, INT8 -> buf.put((byte) rounded);
            case INT16, UINT16 -> buf.putShort((short) rounded);
            case INT32, UINT32 -> buf.putInt((int) rounded);
            case INT64, UINT64 -> buf.putLong(rounded);
            case FLOAT32 -> buf.putFloat(value);
            case FLOAT64 -> buf.putDouble(value);
            default -> throw new AssertionError(this);
        }
    }
}
