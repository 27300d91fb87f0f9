package org.onepro.app.cli;

import java.nio.file.Path;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.io.ImageFiles;

/** Small generated images and masks on disk for the command tests: a bright disc on a darker gradient. */
final class TestFiles {

    private TestFiles() {
    }

    /** The disc of radius {@code r} at {@code (cx, cy)} on a {@code w x h} image. */
    static Mask disc(int w, int h, double cx, double cy, double r) {
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
            }
        }
        return Mask.of(m, h, w);
    }

    /** A grey image showing {@code mask} bright on a gradient. */
    static Image picture(Mask mask) {
        int w = mask.width();
        int h = mask.height();
        float[] v = new float[w * h];
        boolean[] m = mask.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = m[i] ? 0.9f : 0.1f + 0.3f * (i % w) / w;
        }
        return Image.of(v, 1, h, w);
    }

    /** Writes {@code picture(mask)} as a PNG. */
    static Path image(Path file, Mask mask) {
        ImageFiles.writeImage(picture(mask), file);
        return file;
    }

    /** Writes a mask as a 0/255 PNG. */
    static Path mask(Path file, Mask mask) {
        ImageFiles.writeMask(mask, file);
        return file;
    }

    /** Writes a label PNG holding the given values. */
    static Path labels(Path file, int[] values, int w, int h) {
        ImageFiles.writeLabels(LabelMap.of(values, h, w), file);
        return file;
    }
}
