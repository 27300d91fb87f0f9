package org.onepro.app.cli;

import java.nio.file.Path;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.data.io.ImageFiles;
import org.onepro.core.volume.NiftiIO;
import org.onepro.core.volume.Volume;

/**
 * The files {@code onepro segment} writes for a query, all atomically into one folder and named after the query:
 * {@code NAME_mask.png} (0/255), {@code NAME_overlay.png}, {@code NAME_prob.png} (probability x 255),
 * {@code NAME_var.png} and, for volumes, {@code NAME_mask.nii.gz}.
 */
final class SegmentOutputs {

    /**
     * The largest variance of probabilities (0.25, members split evenly between 0 and 1) is drawn white, so the
     * map uses the whole grey range.
     */
    static final float VARIANCE_SCALE = 4f;

    private final Path dir;

    SegmentOutputs(Path dir) {
        this.dir = dir;
    }

    Path mask(String name, Mask mask) {
        Path file = dir.resolve(name + "_mask.png");
        ImageFiles.writeMask(mask, file);
        return file;
    }

    Path overlay(String name, Image query, Mask mask) {
        Path file = dir.resolve(name + "_overlay.png");
        ImageFiles.writeImage(Canvas.of(query).fill(mask, Canvas.PREDICTION).toImage(), file);
        return file;
    }

    Path probabilities(String name, ProbabilityMap p) {
        return grey(dir.resolve(name + "_prob.png"), p, 1f);
    }

    Path variance(String name, ProbabilityMap v) {
        return grey(dir.resolve(name + "_var.png"), v, VARIANCE_SCALE);
    }

    Path volumeMask(String name, Volume labels) {
        Path file = dir.resolve(name + "_mask.nii.gz");
        NiftiIO.write(labels, file);
        return file;
    }

    private static Path grey(Path file, ProbabilityMap map, float scale) {
        float[] v = map.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(1f, v[i] * scale);
        }
        ImageFiles.writeImage(Image.of(v, 1, map.height(), map.width()), file);
        return file;
    }
}
