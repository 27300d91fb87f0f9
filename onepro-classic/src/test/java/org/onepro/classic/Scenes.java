package org.onepro.classic;

import java.util.SplittableRandom;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;

/** Small synthetic images for the classical methods' tests. */
public final class Scenes {

    private Scenes() {
    }

    /** An ellipse with centre {@code (cx, cy)} and radii {@code (rx, ry)} on an {@code h x w} grid. */
    public static Mask ellipse(int h, int w, double cx, double cy, double rx, double ry) {
        boolean[] m = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x - cx) / rx;
                double v = (y - cy) / ry;
                m[y * w + x] = u * u + v * v <= 1;
            }
        }
        return Mask.of(m, h, w);
    }

    /**
     * A grey picture of a mask: the target bright on a darker background, both with a smooth gradient across the
     * image (so registration has structure outside the target too) and seeded noise.
     */
    public static Image picture(Mask m, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int h = m.height();
        int w = m.width();
        float[] v = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double base = 0.2 + 0.2 * x / w + 0.1 * y / h;
                v[y * w + x] = (float) ((m.get(y, x) ? base + 0.5 : base) + noise * (rng.nextDouble() - 0.5));
            }
        }
        return Image.of(v, 1, h, w);
    }

    /**
     * Textured scene: background and target have the same mean brightness but differ in texture (the target holds
     * fine stripes), so only texture features tell them apart.
     */
    public static Image textured(Mask m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int h = m.height();
        int w = m.width();
        float[] v = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double n = 0.05 * (rng.nextDouble() - 0.5);
                v[y * w + x] = (float) (m.get(y, x) ? 0.5 + 0.3 * ((x / 2) % 2 == 0 ? 1 : -1) + n : 0.5 + n);
            }
        }
        return Image.of(v, 1, h, w);
    }
}
