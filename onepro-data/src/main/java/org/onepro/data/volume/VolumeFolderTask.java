package org.onepro.data.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.image.PixelSpacing;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;
import org.onepro.core.volume.VolumeSlicer;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.dicom.VolumeFiles;

/**
 * A task read from a Medical Segmentation Decathlon or nnU-Net folder, {@code <task>/imagesTr/} plus
 * {@code <task>/labelsTr/}, served as 2-D slices along one axis.
 *
 * <p>Every {@code .nii.gz} or {@code .nii} file in {@code labelsTr/} is one case, named by its file name without
 * the extension; hidden files (such as the {@code ._case.nii.gz} files macOS leaves in the Decathlon archives) are
 * ignored. Its image is the file of the same name in {@code imagesTr/} (the Decathlon layout) or, failing that,
 * {@code imagesTr/<case>_0000.nii.gz} or {@code imagesTr/<case>_0000.nii} (the nnU-Net layout, whose
 * {@code _0000} is the first channel; further channels are not used) or, failing those, a DICOM series folder
 * {@code imagesTr/<case>/} or {@code imagesTr/<case>_0000/} (read by {@link VolumeFiles}, its label volume in the
 * series' voxel order). Images without labels are not listed.
 *
 * <p>Ids are {@code <case>#<axis>:<index>}, sorted by case name and then by slice index. A sample's image is the
 * slice as stored (one channel, no normalisation) with the volume's in-plane voxel sizes as pixel spacing, and its
 * labels are the label slice rounded to integers. Slices are oriented as {@link VolumeSlicer} documents: axial
 * slices have rows y and columns x; sagittal slices rows z and columns y, coronal slices rows z and columns x, with
 * z flipped so that superior (the highest z) is row 0.
 *
 * <p>Opening reads every header, to list the slices and check that image and label shapes agree, and, when empty
 * slices are skipped, every label volume once; only the slice lists are kept. Loading keeps the two most recently
 * read cases in memory, because consecutive ids usually come from the same case. Instances are safe for use by
 * several threads.
 */
public final class VolumeFolderTask implements TaskDataset {

    private static final String[] EXTENSIONS = {".nii.gz", ".nii"};
    private static final String[] AXIS_NAMES = {"sagittal", "coronal", "axial"};
    private static final int CACHED_CASES = 2;

    private final String name;
    private final int axis;
    private final Map<String, Case> cases;
    private final List<String> ids;
    private final Map<String, Pair> recent = Collections.synchronizedMap(new Lru(CACHED_CASES));

    /** One case's files and the slices it contributes. */
    private record Case(Path image, Path labels, int slices) {
    }

    /** One case's volumes. */
    private record Pair(Volume image, Volume labels) {
    }

    /** Least-recently-used eviction: an access-ordered map that drops its eldest entry beyond a capacity. */
    private static final class Lru extends LinkedHashMap<String, Pair> {

        private final int capacity;

        Lru(int capacity) {
            super(capacity + 1, 1f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pair> eldest) {
            return size() > capacity;
        }
    }

    private VolumeFolderTask(String name, int axis, Map<String, Case> cases, List<String> ids) {
        this.name = name;
        this.axis = axis;
        this.cases = cases;
        this.ids = ids;
    }

    /**
     * Opens a task folder.
     *
     * @param taskDir         the folder holding {@code imagesTr/} and {@code labelsTr/}
     * @param axis            0 for sagittal slices (fixed x), 1 for coronal (fixed y), 2 for axial (fixed z)
     * @param skipEmptySlices whether to list only slices whose labels hold a non-zero value
     * @return the task
     * @throws InvalidInputException if the axis is not 0, 1 or 2, a folder is missing, there are no label files,
     *                               a case has no image, a header is invalid, or an image and its labels differ
     *                               in shape
     * @throws UncheckedIOException  if a folder cannot be listed
     */
    public static VolumeFolderTask open(Path taskDir, int axis, boolean skipEmptySlices) {
        VolumeSlicer.checkAxis(axis);
        Path images = requireDir(taskDir, "imagesTr");
        Path labels = requireDir(taskDir, "labelsTr");
        Map<String, Case> cases = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Path> entry : labelFiles(labels).entrySet()) {
            String caseId = entry.getKey();
            Path labelFile = entry.getValue();
            Path imageFile = imageFor(images, caseId, labelFile);
            int[] size = NiftiIO.readSize(labelFile);
            int[] imageSize = VolumeFiles.readSize(imageFile);
            checkSameShape(imageFile, imageSize, labelFile, size);
            int[] slices = skipEmptySlices
                    ? VolumeSlicer.nonEmpty(NiftiIO.read(labelFile), axis)
                    : allSlices(size[axis]);
            cases.put(caseId, new Case(imageFile, labelFile, size[axis]));
            for (int s : slices) {
                ids.add(caseId + "#" + axis + ":" + s);
            }
        }
        Path folderName = taskDir.toAbsolutePath().normalize().getFileName();
        String name = folderName == null ? taskDir.toString() : folderName.toString();
        return new VolumeFolderTask(name, axis, cases, List.copyOf(ids));
    }

    /** The task folder's name. */
    @Override
    public String name() {
        return name;
    }

    /** The slice axis: 0 sagittal, 1 coronal, 2 axial. */
    public int axis() {
        return axis;
    }

    /** Every slice id, {@code <case>#<axis>:<index>}, sorted by case and then index. */
    @Override
    public List<String> ids() {
        return ids;
    }

    /**
     * The image volume a sample id's slice is cut from, for tools that work on whole volumes (segmenting every
     * slice of a case, writing a label volume with its geometry).
     *
     * @param id a sample id, {@code <case>#<axis>:<index>}
     * @return the case's image file
     * @throws InvalidInputException if the id names no case of this task
     */
    public Path caseImage(String id) {
        int hash = id == null ? -1 : id.lastIndexOf('#');
        Case c = hash < 0 ? null : cases.get(id.substring(0, hash));
        if (c == null) {
            throw new InvalidInputException("task " + name + " has no case for sample \"" + id + "\"");
        }
        return c.image();
    }

    /**
     * Loads one slice.
     *
     * @param id {@code <case>#<axis>:<index>}, with this task's axis and an index inside the volume (ids skipped
     *           as empty load too)
     * @return the image slice and its label slice
     * @throws InvalidInputException if the id is malformed or names no slice of this task, a file cannot be read,
     *                               the image slice holds a non-finite value, or a label is negative or not finite
     */
    @Override
    public LabeledImage load(String id) {
        int hash = id.lastIndexOf('#');
        int colon = id.indexOf(':', hash + 1);
        Case c = hash < 0 ? null : cases.get(id.substring(0, hash));
        if (c == null || colon < 0 || !id.substring(hash + 1, colon).equals(Integer.toString(axis))) {
            throw new InvalidInputException("task " + name + " has no sample \"" + id + "\"; ids look like <case>#"
                    + axis + ":<index> for one of its " + cases.size() + " cases");
        }
        int index = parseIndex(id, colon);
        String caseId = id.substring(0, hash);
        if (!id.equals(caseId + "#" + axis + ":" + index)) {
            // "a#2:03" or "a#2:+3" would name slice 3 under a second id; only the listed spelling is accepted.
            throw new InvalidInputException("sample id \"" + id + "\" is not in the form <case>#" + axis
                    + ":<index>");
        }
        if (index < 0 || index >= c.slices()) {
            throw new InvalidInputException("task " + name + " has no sample \"" + id + "\": case "
                    + caseId + " has " + c.slices() + " " + AXIS_NAMES[axis] + " slices");
        }
        Pair volumes = volumes(caseId, c);
        return LabeledImage.of(name, id, imageSlice(volumes.image(), c.image(), index, id),
                labelSlice(volumes.labels(), c.labels(), index, id));
    }

    @Override
    public String toString() {
        return "VolumeFolderTask[" + name + ", " + AXIS_NAMES[axis] + ", " + cases.size() + " cases, " + ids.size()
                + " slices]";
    }

    private Pair volumes(String caseId, Case c) {
        Pair p = recent.get(caseId);
        if (p == null) {
            // Read outside the lock so that one thread's slow read does not stall others on a cached case.
            p = new Pair(VolumeFiles.read(c.image()), NiftiIO.read(c.labels()));
            checkSameShape(c.image(), size(p.image()), c.labels(), size(p.labels()));
            recent.put(caseId, p);
        }
        return p;
    }

    private Image imageSlice(Volume v, Path file, int index, String id) {
        int[] hw = VolumeSlicer.shape(size(v), axis);
        double[] spacing = VolumeSlicer.spacing(v.spacing(), axis);
        try {
            return Image.of(VolumeSlicer.slice(v, axis, index), 1, hw[0], hw[1])
                    .withSpacing(new PixelSpacing(spacing[0], spacing[1]));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ", slice " + id + ": " + e.getMessage(), e);
        }
    }

    private LabelMap labelSlice(Volume v, Path file, int index, String id) {
        int[] hw = VolumeSlicer.shape(size(v), axis);
        float[] values = VolumeSlicer.slice(v, axis, index);
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            float f = values[i];
            if (!(f > -0.5f && f < Integer.MAX_VALUE)) {
                throw new InvalidInputException(file + ", slice " + id + ": pixel (row " + (i / hw[1]) + ", column "
                        + (i % hw[1]) + ") holds label " + f + "; labels must be finite and non-negative");
            }
            labels[i] = Math.round(f);
        }
        return LabelMap.of(labels, hw[0], hw[1]);
    }

    private static int parseIndex(String id, int colon) {
        try {
            return Integer.parseInt(id.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sample id \"" + id + "\" does not end in a slice number", e);
        }
    }

    private static Path requireDir(Path taskDir, String child) {
        Path dir = taskDir.resolve(child);
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(taskDir + " is not a Decathlon / nnU-Net task folder: " + dir
                    + " is missing");
        }
        return dir;
    }

    /** The label files by case name, sorted. */
    private static Map<String, Path> labelFiles(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String fileName = f.getFileName().toString();
                String id = caseName(fileName);
                if (id == null || fileName.startsWith(".") || !Files.isRegularFile(f)) {
                    continue;
                }
                Path previous = out.put(id, f);
                if (previous != null) {
                    throw new InvalidInputException("case " + id + " has two label files, " + previous + " and " + f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e, e);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(dir + " holds no label volumes (*.nii.gz or *.nii)");
        }
        return out;
    }

    /** The file name without its NIfTI extension, or {@code null} when it has none. */
    private static String caseName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        return null;
    }

    private static Path imageFor(Path images, String id, Path labelFile) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(images.resolve(labelFile.getFileName().toString()));
        for (String ext : EXTENSIONS) {
            candidates.add(images.resolve(id + "_0000" + ext));
        }
        int files = candidates.size();
        candidates.add(images.resolve(id));
        candidates.add(images.resolve(id + "_0000"));
        for (int i = 0; i < candidates.size(); i++) {
            Path p = candidates.get(i);
            if (i < files ? Files.isRegularFile(p) : Files.isDirectory(p)) {
                return p;
            }
        }
        throw new InvalidInputException("label file " + labelFile + " has no image: none of " + candidates
                + " exists");
    }

    private static void checkSameShape(Path image, int[] imageSize, Path labels, int[] labelSize) {
        if (!Arrays.equals(imageSize, labelSize)) {
            throw new InvalidInputException("image " + image + " is " + shapeText(imageSize) + " but its labels "
                    + labels + " are " + shapeText(labelSize));
        }
    }

    private static int[] allSlices(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    private static int[] size(Volume v) {
        return new int[] {v.nx(), v.ny(), v.nz()};
    }

    private static String shapeText(int[] size) {
        return size[0] + "x" + size[1] + "x" + size[2];
    }
}
