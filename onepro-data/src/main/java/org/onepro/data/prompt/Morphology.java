package org.onepro.data.prompt;

import org.onepro.core.mask.Mask;

/**
 * Binary erosion and dilation by a Euclidean disc (through exact distance transforms, so any radius costs the same)
 * and integer translation.
 */
final class Morphology {

    /** Guards the radius comparison against rounding in the square root of an integer squared distance. */
    private static final double EPS = 1e-9;

    private Morphology() {
    }

    /**
     * Dilates by a disc: a pixel is set when some mask pixel centre lies within {@code radius} of its centre.
     *
     * @param mask   the mask, non-empty
     * @param radius the disc radius in pixels
     * @return the dilated mask
     */
    static Mask dilate(Mask mask, double radius) {
        double[] dist = DistanceTransform.toForeground(mask);
        boolean[] out = new boolean[dist.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dist[i] <= radius + EPS;
        }
        return Mask.of(out, mask.height(), mask.width());
    }

    /**
     * Erodes by a disc: a pixel stays when every pixel centre within {@code radius} of it is in the mask, with
     * everything beyond the image border counting as outside.
     *
     * @param mask   the mask
     * @param radius the disc radius in pixels
     * @return the eroded mask, possibly empty
     */
    static Mask erode(Mask mask, double radius) {
        double[] dist = DistanceTransform.toBackground(mask);
        boolean[] out = new boolean[dist.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dist[i] > radius + EPS;
        }
        return Mask.of(out, mask.height(), mask.width());
    }

    /**
     * Moves the mask by whole pixels; what leaves the image is lost and what enters is background.
     *
     * @param mask the mask
     * @param dx   columns to move right (negative: left)
     * @param dy   rows to move down (negative: up)
     * @return the moved mask
     */
    static Mask translate(Mask mask, int dx, int dy) {
        int h = mask.height();
        int w = mask.width();
        boolean[] in = mask.data();
        boolean[] out = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            int sy = y - dy;
            if (sy < 0 || sy >= h) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int sx = x - dx;
                if (sx >= 0 && sx < w) {
                    out[y * w + x] = in[sy * w + sx];
                }
            }
        }
        return Mask.of(out, h, w);
    }
}
