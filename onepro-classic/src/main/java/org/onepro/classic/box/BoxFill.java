package org.onepro.classic.box;

import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;

/**
 * The interactive floor of a box prompt: the ellipse inscribed in the box, every pixel whose centre lies inside
 * it. A segmenter that cannot beat it has learnt nothing from the image that the box did not already say.
 */
public final class BoxFill {

    private BoxFill() {
    }

    /**
     * The ellipse inscribed in a box.
     *
     * @param box    the box, in pixel coordinates of the image
     * @param height the image's rows
     * @param width  the image's columns
     * @return the mask at the image's size
     */
    public static Mask ellipse(BBox box, int height, int width) {
        box.validate(height, width);
        double cx = 0.5 * (box.x0() + box.x1());
        double cy = 0.5 * (box.y0() + box.y1());
        double rx = 0.5 * (box.x1() - box.x0());
        double ry = 0.5 * (box.y1() - box.y0());
        boolean[] out = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            double v = (y - cy) / ry;
            for (int x = 0; x < width; x++) {
                double u = (x - cx) / rx;
                out[y * width + x] = u * u + v * v <= 1;
            }
        }
        return Mask.of(out, height, width);
    }
}
