package org.onepro.core.volume;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.onepro.core.error.InvalidInputException;

/**
 * The fields of a NIfTI header that OnePro uses, parsed and validated from a 348-byte NIfTI-1 or a 540-byte
 * NIfTI-2 header, and the NIfTI-1 header OnePro writes. Field offsets follow {@code nifti1.h} and
 * {@code nifti2.h}: NIfTI-2 widens dimensions and offsets to 64-bit integers and every float field to double.
 */
final class NiftiHeader {

    /** Bytes in a NIfTI-1 header ({@code sizeof_hdr}). */
    static final int SIZE = 348;

    /** Bytes in a NIfTI-2 header. */
    static final int SIZE_2 = 540;

    /** Where written files put their voxels: the header plus the 4-byte "no extensions" flag. */
    static final int WRITTEN_VOX_OFFSET = 352;

    /**
     * The most voxels a volume may have: the largest array length the JVM allows, so that a header can never ask
     * for an array that cannot exist.
     */
    static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

    private static final String[] AXIS = {"x", "y", "z"};

    private final ByteOrder order;
    private final int headerBytes;
    private final int[] size;
    private final NiftiDatatype datatype;
    private final long voxOffset;
    private final double slope;
    private final double inter;
    private final double[] pixdim;
    private final int qformCode;
    private final int sformCode;
    private final double[] quatern;
    private final double[] qoffset;
    private final double[] srow;

    /** The fields as both versions store them; {@code wide} reads the NIfTI-2 layout. */
    private NiftiHeader(ByteBuffer h, boolean wide, int[] size, NiftiDatatype datatype, long voxOffset) {
        this.order = h.order();
        this.headerBytes = wide ? SIZE_2 : SIZE;
        this.size = size;
        this.datatype = datatype;
        this.voxOffset = voxOffset;
        double rawSlope = wide ? h.getDouble(176) : h.getFloat(112);
        double rawInter = wide ? h.getDouble(184) : h.getFloat(116);
        // The standard: a slope of 0 (or garbage) means the stored values are the real values.
        boolean scaled = rawSlope != 0 && Double.isFinite(rawSlope);
        this.slope = scaled ? rawSlope : 1.0;
        this.inter = scaled && Double.isFinite(rawInter) ? rawInter : 0.0;
        this.pixdim = wide ? doubles(h, 104, 8) : floats(h, 76, 8);
        this.qformCode = wide ? h.getInt(344) : h.getShort(252);
        this.sformCode = wide ? h.getInt(348) : h.getShort(254);
        this.quatern = wide ? doubles(h, 352, 3) : floats(h, 256, 3);
        this.qoffset = wide ? doubles(h, 376, 3) : floats(h, 268, 3);
        this.srow = wide ? doubles(h, 400, 12) : floats(h, 280, 12);
    }

    /** Whether the first header bytes (at least 4) announce a 540-byte NIfTI-2 header, in either byte order. */
    static boolean isVersion2(byte[] bytes) {
        int little = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return little == SIZE_2 || Integer.reverseBytes(little) == SIZE_2;
    }

    /**
     * Parses and validates a header.
     *
     * @param bytes the first 348 bytes of the file (after decompression), or 540 for NIfTI-2
     * @param file  the file, for messages
     * @return the header
     * @throws InvalidInputException if the header is not a single-file NIfTI-1 or NIfTI-2 header describing one 2-D
     *                               or 3-D volume of a supported datatype with at most {@link #MAX_VOXELS} voxels
     */
    static NiftiHeader parse(byte[] bytes, String file) {
        boolean wide = bytes.length >= SIZE_2 && isVersion2(bytes);
        ByteBuffer h = ByteBuffer.wrap(bytes, 0, wide ? SIZE_2 : SIZE);
        h.order(byteOrder(h, file, wide ? SIZE_2 : SIZE));
        checkMagic(bytes, file, wide);
        int[] size = dimensions(h, file, wide);
        NiftiDatatype datatype = NiftiDatatype.forCode(h.getShort(wide ? 12 : 70), file);
        int minimum = wide ? SIZE_2 : SIZE;
        if (wide) {
            long offset = h.getLong(168);
            if (offset < minimum || offset > Integer.MAX_VALUE) {
                throw new InvalidInputException(file + ": vox_offset " + offset + " is invalid; it must be at least "
                        + minimum);
            }
            return new NiftiHeader(h, true, size, datatype, offset);
        }
        float offset = h.getFloat(108);
        if (!(offset >= minimum) || offset != Math.rint(offset) || offset > Integer.MAX_VALUE) {
            throw new InvalidInputException(file + ": vox_offset " + offset + " is invalid; it must be a whole "
                    + "number of bytes, at least " + minimum);
        }
        return new NiftiHeader(h, false, size, datatype, (long) offset);
    }

    /**
     * Encodes the header OnePro writes for a volume, followed by the 4-byte "no extensions" flag: little-endian,
     * magic {@code n+1}, {@code scl_slope} 1 and {@code scl_inter} 0, the affine as sform (code 1) and, when the
     * affine is a rotation times the spacing (z may be flipped), also as qform (code 1), else qform code 0.
     *
     * @param v        the volume
     * @param datatype the datatype the voxels will be written in
     * @param context  what error messages start with
     * @return {@link #WRITTEN_VOX_OFFSET} bytes
     * @throws InvalidInputException if a dimension exceeds the 16-bit header field or the affine's last row is
     *                               not {@code 0 0 0 1}
     */
    static byte[] encode(Volume v, NiftiDatatype datatype, String context) {
        int[] dims = {v.nx(), v.ny(), v.nz()};
        for (int i = 0; i < 3; i++) {
            if (dims[i] > Short.MAX_VALUE) {
                throw new InvalidInputException(context + ": the volume has " + dims[i] + " voxels along "
                        + AXIS[i] + " but NIfTI-1 allows at most " + Short.MAX_VALUE);
            }
        }
        double[] a = v.affine();
        if (a[12] != 0 || a[13] != 0 || a[14] != 0 || a[15] != 1) {
            throw new InvalidInputException(context + ": the affine's last row is " + a[12] + " " + a[13] + " "
                    + a[14] + " " + a[15] + " but NIfTI can only store 0 0 0 1");
        }
        double[] spacing = v.spacing();
        ByteBuffer h = ByteBuffer.allocate(WRITTEN_VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, SIZE);
        short[] dim = {3, (short) dims[0], (short) dims[1], (short) dims[2], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, (short) datatype.code());
        h.putShort(72, (short) (8 * datatype.bytes()));
        h.putFloat(108, WRITTEN_VOX_OFFSET);
        h.putFloat(112, 1f);
        h.putFloat(116, 0f);
        h.put(123, (byte) 2); // xyzt_units: NIFTI_UNITS_MM
        byte[] descrip = "OnePro".getBytes(StandardCharsets.US_ASCII);
        h.put(148, descrip, 0, descrip.length);
        Optional<NiftiAffine.Quaternion> quaternion = NiftiAffine.toQuaternion(a, spacing);
        h.putFloat(76, quaternion.map(q -> (float) q.qfac()).orElse(1f));
        for (int i = 0; i < 3; i++) {
            h.putFloat(80 + 4 * i, (float) spacing[i]);
        }
        for (int i = 4; i < 8; i++) {
            h.putFloat(76 + 4 * i, 1f);
        }
        h.putShort(252, (short) (quaternion.isPresent() ? 1 : 0));
        h.putShort(254, (short) 1);
        quaternion.ifPresent(q -> {
            h.putFloat(256, (float) q.b());
            h.putFloat(260, (float) q.c());
            h.putFloat(264, (float) q.d());
        });
        for (int i = 0; i < 3; i++) {
            h.putFloat(268 + 4 * i, (float) a[4 * i + 3]);
        }
        for (int i = 0; i < 12; i++) {
            h.putFloat(280 + 4 * i, (float) a[i]);
        }
        h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }

    /** Bytes of the header itself: 348 for NIfTI-1, 540 for NIfTI-2. */
    int headerBytes() {
        return headerBytes;
    }

    /** Voxels along x, y and z. */
    int[] size() {
        return size.clone();
    }

    /** Total voxels, at most {@link #MAX_VOXELS}. */
    int voxelCount() {
        return size[0] * size[1] * size[2];
    }

    /** Bytes of voxel data the header promises. */
    long dataBytes() {
        return (long) voxelCount() * datatype.bytes();
    }

    /** The byte order of the header and so of the voxels. */
    ByteOrder byteOrder() {
        return order;
    }

    /** The stored datatype. */
    NiftiDatatype datatype() {
        return datatype;
    }

    /** Where the voxel data starts. */
    long voxOffset() {
        return voxOffset;
    }

    /** Whether {@code scl_slope/scl_inter} change the stored values. */
    boolean scales() {
        return slope != 1.0 || inter != 0.0;
    }

    /** The value a stored value stands for. */
    double scale(double stored) {
        return stored * slope + inter;
    }

    /** The shape and type as messages show it ("256x256x128 int16"). */
    String describe() {
        return size[0] + "x" + size[1] + "x" + size[2] + " " + datatype.label();
    }

    /** Voxel sizes pixdim[1..3]; a non-positive or non-finite size, which no geometry can use, becomes 1. */
    double[] spacing() {
        double[] s = new double[3];
        for (int i = 0; i < 3; i++) {
            double p = pixdim[i + 1];
            s[i] = p > 0 && Double.isFinite(p) ? p : 1.0;
        }
        return s;
    }

    /** The voxel-to-world affine: sform when its code is set, else qform, else a diagonal of pixdim. */
    double[] affine() {
        double[] voxel = {pixdim[1], pixdim[2], pixdim[3]};
        if (sformCode > 0) {
            double[] m = new double[16];
            System.arraycopy(srow, 0, m, 0, 12);
            m[15] = 1.0;
            return m;
        }
        if (qformCode > 0) {
            return NiftiAffine.fromQuaternion(quatern[0], quatern[1], quatern[2], qoffset, voxel, pixdim[0]);
        }
        return NiftiAffine.diagonal(voxel);
    }

    private static ByteOrder byteOrder(ByteBuffer h, String file, int expected) {
        int little = h.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int big = Integer.reverseBytes(little);
        if (little == expected) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (big == expected) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new InvalidInputException(file + " is not a NIfTI file: its header size field (sizeof_hdr) is "
                + little + " read little-endian and " + big + " read big-endian, not " + SIZE + " (NIfTI-1) or "
                + SIZE_2 + " (NIfTI-2)");
    }

    private static void checkMagic(byte[] bytes, String file, boolean wide) {
        String magic = wide ? new String(bytes, 4, 8, StandardCharsets.ISO_8859_1)
                : new String(bytes, 344, 4, StandardCharsets.ISO_8859_1);
        String expected = wide ? "n+2\0\r\n\032\n" : "n+1\0";
        if (magic.equals(expected)) {
            return;
        }
        if (magic.startsWith(wide ? "ni2" : "ni1")) {
            throw new InvalidInputException(file + " is the header of a NIfTI .hdr/.img pair (magic \""
                    + magic.substring(0, 3) + "\"); .hdr/.img pairs are not supported, convert them to a single .nii"
                    + " or .nii.gz file");
        }
        throw new InvalidInputException(file + " is not a NIfTI-" + (wide ? 2 : 1) + " file: its magic is \""
                + printable(magic) + "\", expected \"" + expected.substring(0, 3) + "\"");
    }

    private static int[] dimensions(ByteBuffer h, String file, boolean wide) {
        long rank = dim(h, wide, 0);
        if (rank < 2 || rank > 7) {
            throw new InvalidInputException(file + ": dim[0] is " + rank + "; only 2-D and 3-D volumes are "
                    + "supported (dim[0] 2 or 3, or a higher rank whose extra dimensions are all 1)");
        }
        int[] size = {1, 1, 1};
        for (int i = 1; i <= Math.min(rank, 3); i++) {
            long n = dim(h, wide, i);
            if (n <= 0 || n > MAX_VOXELS) {
                throw new InvalidInputException(file + ": dim[" + i + "] (size along " + AXIS[i - 1] + ") is " + n
                        + "; every dimension must be positive" + (n > 0 ? " and at most " + MAX_VOXELS : ""));
            }
            size[i - 1] = (int) n;
        }
        for (int i = 4; i <= rank; i++) {
            long n = dim(h, wide, i);
            if (n != 1) {
                throw new InvalidInputException(file + ": dim[" + i + "] is " + n + "; only a single 3-D volume is "
                        + "supported, not a series (dim[4] and above must be 1)");
            }
        }
        // As a double, so that three 31-bit NIfTI-2 sizes cannot overflow the product.
        double voxels = (double) size[0] * size[1] * size[2];
        if (voxels > MAX_VOXELS) {
            throw new InvalidInputException(file + ": header says " + size[0] + "x" + size[1] + "x" + size[2] + " = "
                    + String.format(java.util.Locale.ROOT, "%.0f", voxels) + " voxels; at most " + MAX_VOXELS
                    + " are supported");
        }
        return size;
    }

    private static long dim(ByteBuffer h, boolean wide, int i) {
        return wide ? h.getLong(16 + 8 * i) : h.getShort(40 + 2 * i);
    }

    private static double[] doubles(ByteBuffer h, int offset, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = h.getDouble(offset + 8 * i);
        }
        return out;
    }

    private static double[] floats(ByteBuffer h, int offset, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = h.getFloat(offset + 4 * i);
        }
        return out;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch >= 0x20 && ch < 0x7F) {
                sb.append(ch);
            } else {
                sb.append(String.format("\\x%02x", (int) ch));
            }
        }
        return sb.toString();
    }
}
