package org.onepro.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;

/**
 * The one way to read a volume from a path a user gives: NIfTI ({@code .nii}, {@code .nii.gz}) by name, DICOM (a
 * series folder, or a file with the DICOM marker) otherwise.
 */
public final class VolumeFiles {

    private VolumeFiles() {
    }

    /** Whether the path names a volume: a NIfTI file by its name, a folder, or a DICOM file. */
    public static boolean isVolume(Path path) {
        return isNifti(path) || DicomSeries.isDicom(path);
    }

    /**
     * Reads a NIfTI file or a DICOM series.
     *
     * @throws InvalidInputException naming the path, if it is neither or cannot be read as what it is
     */
    public static Volume read(Path path) {
        if (isNifti(path)) {
            return NiftiIO.read(path);
        }
        if (DicomSeries.isDicom(path)) {
            return DicomSeries.read(path);
        }
        throw notAVolume(path);
    }

    /**
     * A volume's size {@code {nx, ny, nz}} from its header(s) alone.
     *
     * @throws InvalidInputException naming the path, if it is neither format or its header cannot be read
     */
    public static int[] readSize(Path path) {
        if (isNifti(path)) {
            return NiftiIO.readSize(path);
        }
        if (DicomSeries.isDicom(path)) {
            return DicomSeries.size(path);
        }
        throw notAVolume(path);
    }

    /**
     * The name outputs for this volume are called after: a NIfTI file's name without {@code .nii(.gz)}, a DICOM
     * file's name without {@code .dcm}, a series folder's name.
     */
    public static String baseName(Path path) {
        Path fileName = path.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "volume" : fileName.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".nii.gz", ".nii", ".dcm"}) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static InvalidInputException notAVolume(Path path) {
        return new InvalidInputException(path + (Files.exists(path) ? " is neither a NIfTI file (.nii, .nii.gz) nor"
                + " DICOM (a series folder, or a file with the DICM marker)" : " does not exist"));
    }

    private static boolean isNifti(Path path) {
        Path name = path.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".nii") || lower.endsWith(".nii.gz");
    }
}
