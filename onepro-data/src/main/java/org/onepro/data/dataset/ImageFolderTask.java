package org.onepro.data.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;

/**
 * A 2-D task stored as a folder of files:
 * <pre>
 * &lt;task&gt;/images/&lt;id&gt;.png      the images (8/16-bit grey or RGB)
 * &lt;task&gt;/masks/&lt;id&gt;.png       the labels, same size: 0 background, every other value one label
 * &lt;task&gt;/scribbles/&lt;id&gt;.png   optional human scribbles: exactly 0 none, 1 foreground, 2 background
 * </pre>
 * Files are matched by base name, so {@code images/a.jpg} pairs with {@code masks/a.png}; the accepted extensions
 * are png, jpg, jpeg, bmp, tif and tiff in any letter case. Hidden files and sub-folders are skipped; any other
 * file is an error, so a stray file cannot silently drop a sample. Labels are taken as stored: a 0/255 mask
 * gives the single label 255. Scribbles are not rescaled either; a 0/128/255 scribble file is rejected rather
 * than guessed at, because no convention for it is shared widely enough to guess right.
 */
public final class ImageFolderTask implements TaskDataset {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

    private final String name;
    private final Path dir;
    private final Map<String, Path> images;
    private final Map<String, Path> masks;
    private final Map<String, Path> scribbles;
    private final List<String> ids;

    private ImageFolderTask(String name, Path dir, Map<String, Path> images, Map<String, Path> masks,
            Map<String, Path> scribbles) {
        this.name = name;
        this.dir = dir;
        this.images = images;
        this.masks = masks;
        this.scribbles = scribbles;
        this.ids = List.copyOf(images.keySet());
    }

    /**
     * Indexes a task folder; files are read only when a sample is loaded.
     *
     * @param taskDir the folder holding {@code images/} and {@code masks/}; its name is the task's name
     * @return the task
     * @throws InvalidInputException if a folder is missing, holds no images, holds an unsupported or duplicate
     *                               file, or an image lacks its mask (or a mask or scribble file its image); the
     *                               message lists up to five offending names
     */
    public static ImageFolderTask open(Path taskDir) {
        Path dir = taskDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("task folder " + dir + " does not exist or is not a folder");
        }
        Path imageDir = dir.resolve("images");
        Path maskDir = dir.resolve("masks");
        Path scribbleDir = dir.resolve("scribbles");
        for (Path required : List.of(imageDir, maskDir)) {
            if (!Files.isDirectory(required)) {
                throw new InvalidInputException("task folder " + dir + " has no " + required.getFileName()
                        + "/ folder");
            }
        }
        Map<String, Path> images = index(imageDir);
        Map<String, Path> masks = index(maskDir);
        Map<String, Path> scribbles = Files.isDirectory(scribbleDir) ? index(scribbleDir) : Map.of();
        if (images.isEmpty()) {
            throw new InvalidInputException("task folder " + dir + " has no images in " + imageDir);
        }
        List<String> problems = new ArrayList<>();
        unmatched(images, masks).ifPresent(s -> problems.add("images without a mask in " + maskDir + ": " + s));
        unmatched(masks, images).ifPresent(s -> problems.add("masks without an image in " + imageDir + ": " + s));
        unmatched(scribbles, images).ifPresent(s -> problems.add("scribbles without an image in " + imageDir + ": "
                + s));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("task folder " + dir + ": " + String.join("; ", problems));
        }
        return new ImageFolderTask(dir.getFileName().toString(), dir, images, masks, scribbles);
    }

    /** The task folder's name. */
    @Override
    public String name() {
        return name;
    }

    /**
     * The task folder this task was opened from.
     *
     * @return the absolute, normalised folder
     */
    public Path directory() {
        return dir;
    }

    /** The base names of the images, sorted. */
    @Override
    public List<String> ids() {
        return ids;
    }

    /**
     * Reads one sample's image, labels and, when present, scribbles.
     *
     * @throws InvalidInputException if the id is unknown, a file is unreadable, the mask's or the scribbles'
     *                               size differs from the image's (the message names both files and sizes), or a
     *                               scribble value is not 0, 1 or 2
     */
    @Override
    public LabeledImage load(String id) {
        Path imageFile = images.get(id);
        if (imageFile == null) {
            throw new InvalidInputException("task " + name + " (" + dir + ") has no sample '" + id + "'");
        }
        Image image = Image.read(imageFile);
        Path maskFile = masks.get(id);
        LabelMap labels = LabelImages.read(maskFile);
        requireSameSize(imageFile, image, maskFile, labels);
        Optional<LabelMap> scribble = Optional.empty();
        Path scribbleFile = scribbles.get(id);
        if (scribbleFile != null) {
            LabelMap s = LabelImages.read(scribbleFile);
            requireSameSize(imageFile, image, scribbleFile, s);
            requireScribbleValues(scribbleFile, s);
            scribble = Optional.of(s);
        }
        return new LabeledImage(name, id, image, labels, scribble);
    }

    @Override
    public String toString() {
        return "ImageFolderTask[" + name + ", " + ids.size() + " samples, " + dir + "]";
    }

    private static Map<String, Path> index(Path folder) {
        Map<String, Path> byBase = new TreeMap<>();
        List<String> unsupported = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<Path> listed;
        try (Stream<Path> files = Files.list(folder)) {
            listed = files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder + ": " + e.getMessage(), e);
        }
        for (Path f : listed) {
            String file = f.getFileName().toString();
            if (file.startsWith(".") || Files.isDirectory(f)) {
                continue;
            }
            int dot = file.lastIndexOf('.');
            String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (dot <= 0 || !EXTENSIONS.contains(ext)) {
                unsupported.add(file);
                continue;
            }
            Path previous = byBase.put(file.substring(0, dot), f);
            if (previous != null) {
                duplicates.add(previous.getFileName() + " and " + file);
            }
        }
        if (!unsupported.isEmpty()) {
            throw new InvalidInputException("folder " + folder + " holds files that are not images (expected "
                    + "extensions " + new TreeSet<>(EXTENSIONS) + "): " + NameLists.firstFew(unsupported));
        }
        if (!duplicates.isEmpty()) {
            throw new InvalidInputException("folder " + folder + " holds several files with one base name: "
                    + NameLists.firstFew(duplicates));
        }
        return Collections.unmodifiableMap(byBase);
    }

    /** The keys of {@code from} that {@code in} lacks, as a short list, or empty when there are none. */
    private static Optional<String> unmatched(Map<String, Path> from, Map<String, Path> in) {
        List<String> missing = new ArrayList<>();
        for (String key : from.keySet()) {
            if (!in.containsKey(key)) {
                missing.add(key);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(NameLists.firstFew(missing));
    }

    private static void requireSameSize(Path imageFile, Image image, Path labelFile, LabelMap labels) {
        if (labels.height() != image.height() || labels.width() != image.width()) {
            throw new InvalidInputException("image " + imageFile + " is " + image.height() + "x" + image.width()
                    + " (height x width) but " + labelFile + " is " + labels.height() + "x" + labels.width());
        }
    }

    private static void requireScribbleValues(Path file, LabelMap scribble) {
        for (int label : scribble.labels()) {
            if (label != 1 && label != 2) {
                throw new InvalidInputException("scribble file " + file + " holds the value " + label
                        + "; scribbles must be 0 (none), 1 (foreground stroke) or 2 (background stroke)");
            }
        }
    }
}
