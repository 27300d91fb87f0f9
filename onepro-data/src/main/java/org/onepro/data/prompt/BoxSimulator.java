package org.onepro.data.prompt;

import java.util.SplittableRandom;
import org.onepro.core.prompt.BBox;

/**
 * Simulated box prompts. ORACLE is the tight box: the outermost target pixel centres pushed out by half a pixel so
 * the box encloses whole pixel areas, clamped to the image. HIGH, MEDIUM and LOW move each side independently by a
 * uniform offset of up to 5 %, 10 % or 20 % of the oracle box's side length in that axis, inwards or outwards.
 * WRONG is the oracle box of the pseudo-target on the far background.
 */
final class BoxSimulator {

    private BoxSimulator() {
    }

    /**
     * Simulates one box prompt.
     *
     * @param target  the target
     * @param quality the quality level
     * @param rng     the generator for every random choice
     * @return the box prompt
     */
    static BBox simulate(TargetShape target, Quality quality, SplittableRandom rng) {
        return switch (quality) {
            case ORACLE -> oracle(target);
            case HIGH -> jitter(target, oracle(target), 0.05, rng);
            case MEDIUM -> jitter(target, oracle(target), 0.10, rng);
            case LOW -> jitter(target, oracle(target), 0.20, rng);
            case WRONG -> oracle(TargetShape.of(Background.pseudoTarget(target)));
        };
    }

    /**
     * The tight box of a target.
     *
     * @param target the target
     * @return the box enclosing every target pixel area, clamped to the image
     */
    static BBox oracle(TargetShape target) {
        int[] b = target.mask().boundingBox().orElseThrow();
        // Pixel centres are integer positions, so a pixel's area reaches half a pixel beyond its centre; clamping
        // back to [0, size - 1] keeps the box valid for an edge-touching target, and the 2x2 minimum image size
        // keeps x1 > x0 and y1 > y0 after clamping.
        return new BBox(clampX(target, b[0] - 0.5), clampY(target, b[1] - 0.5), clampX(target, b[2] + 0.5),
                clampY(target, b[3] + 0.5));
    }

    private static BBox jitter(TargetShape target, BBox box, double fraction, SplittableRandom rng) {
        double w = box.x1() - box.x0();
        double h = box.y1() - box.y0();
        double x0 = clampX(target, box.x0() + Randoms.uniform(rng, -fraction, fraction) * w);
        double y0 = clampY(target, box.y0() + Randoms.uniform(rng, -fraction, fraction) * h);
        double x1 = clampX(target, box.x1() + Randoms.uniform(rng, -fraction, fraction) * w);
        double y1 = clampY(target, box.y1() + Randoms.uniform(rng, -fraction, fraction) * h);
        // Offsets of at most 20 % per side leave 60 % of the side, so this only triggers when clamping squeezes a
        // box against the image border; the oracle sides in that axis are always valid.
        if (x1 <= x0) {
            x0 = box.x0();
            x1 = box.x1();
        }
        if (y1 <= y0) {
            y0 = box.y0();
            y1 = box.y1();
        }
        return new BBox(x0, y0, x1, y1);
    }

    private static double clampX(TargetShape target, double x) {
        return Math.max(0, Math.min(target.width() - 1, x));
    }

    private static double clampY(TargetShape target, double y) {
        return Math.max(0, Math.min(target.height() - 1, y));
    }
}
