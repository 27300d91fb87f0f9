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
        // Boxes lie on pixel edges, but one drawn to the image's border can only reach the border pixels'
        // centres (coordinates stay within [0, size - 1]): such a side is taken to mean the outer edge.
        double x0 = box.x0() <= 0 ? -0.5 : box.x0();
        double y0 = box.y0() <= 0 ? -0.5 : box.y0();
        double x1 = box.x1() >= width - 1 ? width - 0.5 : box.x1();
        double y1 = box.y1() >= height - 1 ? height - 0.5 : box.y1();
        double cx = 0.5 * (x0 + x1);
        double cy = 0.5 * (y0 + y1);
        double rx = 0.5 * (x1 - x0);
        double ry = 0.5 * (y1 - y0);
        boolean[] out = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            double v = (y - cy) / ry;
            for (int x = 0; x < width; x++) {
                double u = (x - cx) / rx;
                out[y * width + x] = u * u + v * v <= 1;
            }
        }
        // A box thinner than a pixel still marks the pixel it lies in.
        int centreY = (int) Math.min(height - 1, Math.max(0, Math.round(cy)));
        int centreX = (int) Math.min(width - 1, Math.max(0, Math.round(cx)));
        out[centreY * width + centreX] = true;
        return Mask.of(out, height, width);
    }
}
