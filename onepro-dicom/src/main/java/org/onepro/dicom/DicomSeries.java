package org.onepro.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.io.InputLimits;
import org.onepro.core.volume.Volume;

/**
 * Reads a DICOM series, or a single DICOM file, as a {@link Volume}.
 *
 * <p>A folder is read as one series: every file in it (not in subfolders) that carries the {@code DICM} marker is a
 * slice, other files ({@code DICOMDIR}, notes, hidden files) are passed over. Slices are ordered by the projection
 * of their Image Position (Patient) on the slice normal (the cross product of the row and column directions), so
 * voxel {@code z} grows along the normal whatever the files are called. The affine maps voxel {@code (x, y, z)}
 * (column, row, slice) to RAS millimetres: DICOM's LPS position with x and y negated, the row and column
 * directions scaled by the pixel spacing, and the step from the first slice's position to the last's divided by
 * the number of gaps, which also describes a tilted gantry. Values are rescaled ({@code value * slope +
 * intercept}), so CT comes out in Hounsfield units.
 *
 * <p>Refused, each with one message naming the file or folder: a folder with no DICOM file or with files of more
 * than one Series Instance UID; slices of different sizes, spacings or orientations; slices without position or
 * orientation (a lone file may lack them: it is placed at the origin, axis-aligned); two slices at the same
 * position; a gap between neighbouring slices that differs from the median gap by more than a tenth (a missing
 * slice); anything that
 * {@link DicomSlice#open} refuses; and a series over the voxel budget of {@link InputLimits}, checked from the
 * headers before any pixel is decoded.
 */
public final class DicomSeries {

    /** A gap that differs from the median gap by more than this share is refused as uneven. */
    private static final double SPACING_TOLERANCE = 0.1;

    /** Orientation cosines and pixel spacings equal within this count as the same. */
    private static final double SAME = 1e-4;

    /** NIfTI datatype codes for the volume: int16 when every value fits, else float32. */
    private static final int INT16 = 4;
    private static final int FLOAT32 = 16;

    private DicomSeries() {
    }

    /** Whether a path is something {@link #read} takes: a folder, or a file with the DICOM marker. */
    public static boolean isDicom(Path path) {
        return Files.isDirectory(path) || DicomSlice.isDicom(path);
    }

    /**
     * Reads a series folder or a single file.
     *
     * @param path a folder holding one series, or one DICOM file
     * @return the volume in slice-normal order, with the series' spacing and RAS affine
     * @throws InvalidInputException naming the file or folder and the problem (see the class description)
     */
    public static Volume read(Path path) {
        List<DicomSlice> slices = headers(path);
        DicomSlice first = slices.get(0);
        InputLimits.checkVolume(first.columns(), first.rows(), slices.size(), "DICOM series " + path);
        if (slices.size() > 1) {
            slices = sorted(slices);
        }
        return volume(slices, sliceStep(slices, path));
    }

    /**
     * The size {@link #read} would give, {@code {nx, ny, nz}}, from the headers alone (no pixel is decoded).
     *
     * @throws InvalidInputException as {@link #read} does for the headers
     */
    public static int[] size(Path path) {
        List<DicomSlice> slices = headers(path);
        return new int[] {slices.get(0).columns(), slices.get(0).rows(), slices.size()};
    }

    /** The checked headers of a folder's or a file's slices, in file-name order. */
    private static List<DicomSlice> headers(Path path) {
        Objects.requireNonNull(path, "path");
        List<DicomSlice> slices = Files.isDirectory(path) ? folder(path) : List.of(DicomSlice.open(path));
        checkAlike(slices);
        return slices;
    }

    private static List<DicomSlice> folder(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().equalsIgnoreCase("DICOMDIR"))
                    .filter(DicomSlice::isDicom)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list DICOM folder " + folder, e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("DICOM folder " + folder + " holds no DICOM file (a file with the"
                    + " DICM marker at byte 128); subfolders are not searched");
        }
        List<DicomSlice> slices = new ArrayList<>();
        TreeSet<String> series = new TreeSet<>();
        for (Path f : files) {
            DicomSlice s = DicomSlice.open(f);
            series.add(s.header().text(DicomHeader.SERIES_UID, ""));
            slices.add(s);
        }
        series.remove("");
        if (series.size() > 1) {
            throw new InvalidInputException("DICOM folder " + folder + " holds " + series.size()
                    + " series (Series Instance UIDs " + String.join(", ", series)
                    + "); give a folder that holds one");
        }
        return slices;
    }

    private static void checkAlike(List<DicomSlice> slices) {
        DicomSlice first = slices.get(0);
        for (DicomSlice s : slices) {
            if (slices.size() > 1 && !s.hasGeometry()) {
                throw s.header().invalid("has no Image Position (Patient) or Image Orientation (Patient), so its"
                        + " place in the series is unknown");
            }
            if (s.rows() != first.rows() || s.columns() != first.columns()) {
                throw s.header().invalid("is " + s.columns() + " x " + s.rows() + " pixels, but " + first.file()
                        + " is " + first.columns() + " x " + first.rows());
            }
            if (Math.abs(s.rowSpacing() - first.rowSpacing()) > SAME
                    || Math.abs(s.columnSpacing() - first.columnSpacing()) > SAME) {
                throw s.header().invalid("has a pixel spacing of " + s.rowSpacing() + "\\" + s.columnSpacing()
                        + " mm, but " + first.file() + " has " + first.rowSpacing() + "\\" + first.columnSpacing());
            }
            double[] a = s.orientation();
            double[] b = first.orientation();
            for (int i = 0; i < 6; i++) {
                if (Math.abs(a[i] - b[i]) > SAME) {
                    throw s.header().invalid("is oriented differently from " + first.file()
                            + " (Image Orientation (Patient)); a series must share one orientation");
                }
            }
        }
    }

    private static List<DicomSlice> sorted(List<DicomSlice> slices) {
        double[] normal = normal(slices.get(0).orientation());
        List<DicomSlice> out = new ArrayList<>(slices);
        out.sort(Comparator.comparingDouble(s -> dot(s.position(), normal)));
        return out;
    }

    /** The LPS step from one slice to the next; the normal times one mm for a lone slice. */
    private static double[] sliceStep(List<DicomSlice> slices, Path path) {
        double[] normal = normal(slices.get(0).orientation());
        int n = slices.size();
        if (n == 1) {
            return normal;
        }
        double[] gaps = new double[n - 1];
        for (int k = 1; k < n; k++) {
            gaps[k - 1] = dot(slices.get(k).position(), normal) - dot(slices.get(k - 1).position(), normal);
            if (gaps[k - 1] < 1e-3) {
                throw new InvalidInputException("DICOM series " + path + ": " + slices.get(k - 1).file() + " and "
                        + slices.get(k).file() + " lie at the same position along the slice normal");
            }
        }
        double[] order = gaps.clone();
        Arrays.sort(order);
        double typical = order[order.length / 2];
        int worst = 0;
        for (int k = 1; k < n - 1; k++) {
            if (Math.abs(gaps[k] - typical) > Math.abs(gaps[worst] - typical)) {
                worst = k;
            }
        }
        if (Math.abs(gaps[worst] - typical) > SPACING_TOLERANCE * typical) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "DICOM series %s: slices are unevenly spaced: %.3f mm between %s and %s against %.3f mm between"
                            + " most neighbours (a missing slice?)",
                    path, gaps[worst], slices.get(worst).file().getFileName(),
                    slices.get(worst + 1).file().getFileName(), typical));
        }
        double[] p0 = slices.get(0).position();
        double[] p1 = slices.get(n - 1).position();
        return new double[] {(p1[0] - p0[0]) / (n - 1), (p1[1] - p0[1]) / (n - 1), (p1[2] - p0[2]) / (n - 1)};
    }

    private static Volume volume(List<DicomSlice> slices, double[] step) {
        DicomSlice first = slices.get(0);
        int nx = first.columns();
        int ny = first.rows();
        int nz = slices.size();
        float[] data = new float[nx * ny * nz];
        boolean fitsInt16 = true;
        for (int z = 0; z < nz; z++) {
            float[] plane = slices.get(z).pixels();
            System.arraycopy(plane, 0, data, z * nx * ny, plane.length);
            for (float v : plane) {
                fitsInt16 &= v == Math.rint(v) && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            }
        }
        double[] o = first.orientation();
        double[] p = first.position();
        double dx = first.columnSpacing();
        double dy = first.rowSpacing();
        // LPS to RAS: x and y change sign.
        double[] affine = {
            -o[0] * dx, -o[3] * dy, -step[0], -p[0],
            -o[1] * dx, -o[4] * dy, -step[1], -p[1],
            o[2] * dx, o[5] * dy, step[2], p[2],
            0, 0, 0, 1};
        double dz = Math.sqrt(step[0] * step[0] + step[1] * step[1] + step[2] * step[2]);
        return new Volume(nx, ny, nz, data, affine, new double[] {dx, dy, dz}, fitsInt16 ? INT16 : FLOAT32);
    }

    private static double[] normal(double[] o) {
        return new double[] {
            o[1] * o[5] - o[2] * o[4],
            o[2] * o[3] - o[0] * o[5],
            o[0] * o[4] - o[1] * o[3]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
