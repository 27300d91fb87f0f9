package org.onepro.data.prompt;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Point;

/**
 * Places on the background: the ring just outside the target where careful annotators put background clicks and
 * strokes, and the region farthest from the target where {@link Quality#WRONG} prompts go.
 */
final class Background {

    /** The ring starts this many pixels from the target, so a background mark never touches it. */
    static final double RING_INNER = 2.0;
    /** The ring's outer radius as a fraction of the target size {@code d}. */
    static final double RING_OUTER_FRACTION = 0.2;

    private Background() {
    }

    /**
     * The pixels whose distance to the target lies in {@code [2, max(3, 0.2 d)]}; the lower bound of 3 on the outer
     * radius keeps the ring at least one pixel thick around small targets.
     *
     * @param target the target
     * @return ring pixel indices in row-major order, empty when the target leaves no room
     */
    static int[] ring(TargetShape target) {
        double outer = Math.max(RING_INNER + 1, RING_OUTER_FRACTION * target.size());
        double[] dist = target.outsideDistance();
        int n = 0;
        for (double v : dist) {
            if (v >= RING_INNER && v <= outer) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < dist.length; i++) {
            if (dist[i] >= RING_INNER && dist[i] <= outer) {
                out[k++] = i;
            }
        }
        return out;
    }

    /**
     * The background pixel farthest from the target (the first in row-major order among equals).
     *
     * @param target the target
     * @return its row-major index
     * @throws InvalidInputException if the target covers the whole image
     */
    static int farthest(TargetShape target) {
        double[] dist = target.outsideDistance();
        int best = TargetShape.argMax(dist);
        if (dist[best] <= 0) {
            throw new InvalidInputException("the target covers the whole " + target.height() + "x" + target.width()
                    + " image, so there is no background for a WRONG prompt");
        }
        return best;
    }

    /**
     * A same-shaped stand-in target on the background: the target translated so that its oracle point lands on the
     * background pixel farthest from the target, clipped to the image and with any overlap with the real target
     * removed. It always contains that farthest pixel, so it is never empty.
     *
     * @param target the real target
     * @return the pseudo-target
     * @throws InvalidInputException if the target covers the whole image
     */
    static Mask pseudoTarget(TargetShape target) {
        Point to = target.centre(farthest(target));
        Point from = target.oraclePoint();
        Mask moved = Morphology.translate(target.mask(), (int) (to.x() - from.x()), (int) (to.y() - from.y()));
        boolean[] out = moved.data();
        for (int i = 0; i < out.length; i++) {
            out[i] &= !target.contains(i);
        }
        return Mask.of(out, target.height(), target.width());
    }
}
