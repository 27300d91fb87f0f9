package org.onepro.core.volume;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.AtomicFiles;
import org.onepro.core.io.InputLimits;

/**
 * Reads single-file NIfTI-1 and NIfTI-2 volumes ({@code .nii}, and gzip-compressed {@code .nii.gz}) and writes
 * NIfTI-1, in pure Java.
 *
 * <p>Reading accepts either byte order; the datatypes uint8, int8, int16, uint16, int32, uint32, int64, uint64,
 * float32, float64 and rgb24 (read as the mean of its channels, kept as float32); and 2-D or 3-D data (a 4-D
 * header with one time point counts as 3-D). Values are widened to float with {@code scl_slope/scl_inter}
 * applied when the slope is non-zero and finite. The affine comes from the sform when {@code sform_code > 0}, else
 * from the qform when {@code qform_code > 0}, else from a diagonal of voxel sizes; the spacing is pixdim[1..3].
 * The volume keeps the stored datatype unless scaling turned integers into values that type cannot hold exactly,
 * in which case it becomes float32 so that writing it back loses nothing.
 *
 * <p>A header is checked against the data before anything large is allocated, and voxel memory then grows only as
 * data actually arrives, so a header that lies about its size ends in an {@link InvalidInputException}, never an
 * {@link OutOfMemoryError}. Gzip is recognised by its magic bytes, whatever the file is called.
 */
public final class NiftiIO {

    /**
     * Deflate cannot compress better than about 1032:1, so a gzip file of {@code n} bytes never holds more than
     * this many times {@code n} bytes of data.
     */
    private static final long MAX_DEFLATE_RATIO = 1032;

    /** Voxels per block while reading; blocks are allocated one by one as data arrives. */
    private static final int BLOCK = 1 << 20;

    /** Bytes per read or write chunk; a multiple of every datatype's size. */
    private static final int CHUNK = 1 << 16;

    private NiftiIO() {
    }

    /**
     * Reads a {@code .nii} or {@code .nii.gz} file.
     *
     * @param file the file
     * @return the volume
     * @throws InvalidInputException if the file is missing or unreadable, is not a single-file NIfTI-1 or NIfTI-2
     *                               volume of a supported datatype, or holds less data than its header promises; the message
     *                               names the file and the problem
     */
    public static Volume read(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = open(file)) {
            NiftiHeader header = header(in, file);
            int[] size = header.size();
            InputLimits.checkVolume(size[0], size[1], size[2], file.toString());
            checkDataFits(header, file, in instanceof GZIPInputStream);
            skipTo(in, header, file);
            float[] values = readVoxels(in, header, file);
            return new Volume(header.size()[0], header.size()[1], header.size()[2], values, header.affine(),
                    header.spacing(), keptDatatype(header, values));
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * Writes a volume in its datatype, gzip-compressed when the name ends in {@code .gz}, atomically. Integer
     * datatypes take each value rounded to the nearest integer (halves up); float datatypes take it as is. The
     * header is little-endian with magic {@code n+1}, {@code vox_offset} 352, {@code scl_slope} 1 and
     * {@code scl_inter} 0, pixdim[1..3] from the spacing, the affine as sform (code 1) and, when the affine is a
     * rotation times the spacing (z may be flipped, which {@code qfac} expresses), also as qform (code 1), else
     * qform code 0. Header fields are float32, so the affine and spacing round-trip exactly when their values are
     * floats.
     *
     * @param volume the volume
     * @param file   the target file
     * @throws InvalidInputException        if the datatype is not one of the five supported, a value is not finite
     *                                      or out of range for an integer datatype, a dimension exceeds 32767, or
     *                                      the affine's last row is not {@code 0 0 0 1}
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Volume volume, Path file) {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(file, "file");
        String context = "cannot write " + file;
        NiftiDatatype datatype = NiftiDatatype.forCode(volume.datatype(), context);
        if (!datatype.isWritable()) {
            throw new InvalidInputException(context + ": NIfTI datatype " + datatype.code() + " ("
                    + datatype.label() + ") is read only; write the volume as float32 (16) or an integer type");
        }
        byte[] header = NiftiHeader.encode(volume, datatype, context);
        float[] values = volume.data();
        if (datatype.isInteger()) {
            // Checked before writing starts, so a bad value leaves no partial file behind.
            checkIntegers(volume, values, datatype, context);
        }
        Path name = file.getFileName();
        boolean gzip = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        AtomicFiles.write(file, out -> {
            if (gzip) {
                try (OutputStream z = new GZIPOutputStream(out, CHUNK)) {
                    writeBody(z, header, values, datatype);
                }
            } else {
                writeBody(out, header, values, datatype);
            }
        });
    }

    /**
     * Reads only the header's voxel counts, which is cheap even for a large compressed file.
     *
     * @param file the file
     * @return voxels along x, y and z
     * @throws InvalidInputException as {@link #read} does for header problems
     */
    public static int[] readSize(Path file) {
        return readHeader(file).size();
    }

    private static NiftiHeader readHeader(Path file) {
        try (InputStream in = open(file)) {
            return header(in, file);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    private static InvalidInputException readFailure(Path file, IOException e) {
        if (e instanceof ZipException) {
            return new InvalidInputException(file + " holds corrupt gzip data: " + e.getMessage(), e);
        }
        if (e instanceof EOFException) {
            // Only a gzip stream cut inside its own header gets here; data and NIfTI header cuts are caught earlier.
            return new InvalidInputException(file + " is truncated: its gzip stream ends early", e);
        }
        return new InvalidInputException(file + " could not be read: " + e, e);
    }

    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("NIfTI file " + file + " does not exist or is not a regular file");
        }
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return in;
        }
        try {
            return new GZIPInputStream(in, CHUNK);
        } catch (IOException e) {
            // The caller's try-with-resources never saw this stream, so close the file here.
            in.close();
            throw e;
        }
    }

    private static NiftiHeader header(InputStream in, Path file) throws IOException {
        byte[] bytes = headerBytes(in, file, NiftiHeader.SIZE, new byte[0]);
        if (NiftiHeader.isVersion2(bytes)) {
            bytes = headerBytes(in, file, NiftiHeader.SIZE_2 - NiftiHeader.SIZE, bytes);
        }
        return NiftiHeader.parse(bytes, file.toString());
    }

    /** Reads {@code count} more header bytes after {@code before}, or says the file is too short. */
    private static byte[] headerBytes(InputStream in, Path file, int count, byte[] before) throws IOException {
        int total = before.length + count;
        byte[] more;
        try {
            more = in.readNBytes(count);
        } catch (EOFException e) {
            throw new InvalidInputException(file + " is truncated: its compressed data ends inside the "
                    + (before.length == 0 ? NiftiHeader.SIZE : total) + "-byte NIfTI header", e);
        }
        if (more.length < count) {
            throw new InvalidInputException(file + " is too short for a NIfTI file: it holds "
                    + (before.length + more.length) + " bytes (after any decompression) but the header alone takes "
                    + total);
        }
        byte[] out = new byte[total];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(more, 0, out, before.length, count);
        return out;
    }

    /** Rejects a header that promises more data than the file can hold, before any voxel memory exists. */
    private static void checkDataFits(NiftiHeader header, Path file, boolean gzip) throws IOException {
        long fileSize = Files.size(file);
        long needed = header.dataBytes();
        if (gzip) {
            long most = fileSize * MAX_DEFLATE_RATIO;
            if (needed > most) {
                throw new InvalidInputException(file + ": header says " + header.describe() + " = " + sizeText(needed)
                        + " but a gzip file of " + sizeText(fileSize) + " can hold at most " + sizeText(most)
                        + " of data");
            }
            return;
        }
        long available = Math.max(0, fileSize - header.voxOffset());
        if (needed > available) {
            throw new InvalidInputException(file + ": header says " + header.describe() + " = " + sizeText(needed)
                    + " but the file holds only " + sizeText(available) + " of data");
        }
    }

    private static void skipTo(InputStream in, NiftiHeader header, Path file) throws IOException {
        long gap = header.voxOffset() - header.headerBytes();
        try {
            in.skipNBytes(gap);
        } catch (EOFException e) {
            throw new InvalidInputException(file + ": vox_offset " + header.voxOffset()
                    + " lies beyond the end of the data", e);
        }
    }

    /**
     * Decodes the voxels block by block, so that memory is only committed for data that is really there, then
     * joins the blocks.
     */
    private static float[] readVoxels(InputStream in, NiftiHeader header, Path file) throws IOException {
        NiftiDatatype type = header.datatype();
        int count = header.voxelCount();
        boolean scaled = header.scales();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(header.byteOrder());
        List<float[]> blocks = new ArrayList<>();
        float[] block = null;
        long readBytes = 0;
        int voxel = 0;
        while (voxel < count) {
            int want = Math.min(CHUNK / type.bytes(), count - voxel);
            int got;
            try {
                got = in.readNBytes(chunk.array(), 0, want * type.bytes());
            } catch (EOFException e) {
                throw truncated(header, file, readBytes, e);
            }
            readBytes += got;
            if (got < want * type.bytes()) {
                throw truncated(header, file, readBytes, null);
            }
            chunk.clear();
            for (int i = 0; i < want; i++, voxel++) {
                int offset = voxel % BLOCK;
                if (offset == 0) {
                    block = new float[Math.min(BLOCK, count - voxel)];
                    blocks.add(block);
                }
                double stored = type.read(chunk);
                // Unscaled values skip the arithmetic, which would turn -0.0 into 0.0.
                block[offset] = (float) (scaled ? header.scale(stored) : stored);
            }
        }
        if (blocks.size() == 1) {
            return blocks.get(0);
        }
        float[] values = new float[count];
        for (int b = 0; b < blocks.size(); b++) {
            float[] part = blocks.get(b);
            System.arraycopy(part, 0, values, b * BLOCK, part.length);
        }
        return values;
    }

    private static InvalidInputException truncated(NiftiHeader header, Path file, long readBytes, Throwable cause) {
        return new InvalidInputException(file + " is truncated: header says " + header.describe() + " = "
                + sizeText(header.dataBytes()) + " of voxel data but only " + sizeText(readBytes)
                + " could be read", cause);
    }

    /** The stored datatype, or float32 when scaling produced values the stored integer type cannot hold. */
    private static int keptDatatype(NiftiHeader header, float[] values) {
        NiftiDatatype type = header.datatype();
        if (type == NiftiDatatype.RGB24) {
            // Read as grey means, which need not be whole numbers.
            return NiftiDatatype.FLOAT32.code();
        }
        if (!header.scales() || !type.isInteger()) {
            return type.code();
        }
        for (float v : values) {
            if (v != Math.rint(v) || !type.holds((long) v)) {
                return NiftiDatatype.FLOAT32.code();
            }
        }
        return type.code();
    }

    private static void checkIntegers(Volume volume, float[] values, NiftiDatatype type, String context) {
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            long r = Math.round((double) v);
            if (!Float.isFinite(v) || !type.holds(r)) {
                int x = i % volume.nx();
                int y = (i / volume.nx()) % volume.ny();
                int z = i / (volume.nx() * volume.ny());
                throw new InvalidInputException(context + ": value " + v + " at voxel (x " + x + ", y " + y + ", z "
                        + z + ") does not fit NIfTI datatype " + type.code() + " (" + type.describe() + ")");
            }
        }
    }

    private static void writeBody(OutputStream out, byte[] header, float[] values, NiftiDatatype type)
            throws IOException {
        out.write(header);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            if (chunk.remaining() < type.bytes()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            type.write(chunk, values[i]);
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    /** A byte count as messages show it: "1 MiB", "1.5 KiB", "300 bytes". */
    private static String sizeText(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + units[unit];
    }
}
