package org.onepro.data.prompt;

import java.util.SplittableRandom;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.SegLab;

/**
 * Simulated SegLab (mask) prompts. ORACLE is the target itself; HIGH erodes or dilates it (even odds) by a disc of
 * radius 1 pixel; MEDIUM by radius 2 or 3 plus a whole-pixel shift of up to {@code 0.05 d}; LOW by radius 4, 5 or 6
 * plus, with even odds, a smooth warp of up to {@code 0.1 d} per axis or a shift of up to {@code 0.1 d}. When an
 * erosion empties the mask the un-eroded target is used for that step (the shift or warp still applies), and when
 * the final mask is empty (shifted or warped out of the image) the target itself is returned. WRONG is the
 * pseudo-target on the far background.
 */
final class SegLabSimulator {

    private SegLabSimulator() {
    }

    /**
     * Simulates one SegLab prompt.
     *
     * @param target  the target
     * @param quality the quality level
     * @param rng     the generator for every random choice
     * @return the SegLab prompt, never empty
     */
    static SegLab simulate(TargetShape target, Quality quality, SplittableRandom rng) {
        Mask mask = target.mask();
        double d = target.size();
        Mask out = switch (quality) {
            case ORACLE -> mask;
            case HIGH -> morph(mask, 1, rng);
            case MEDIUM -> shift(morph(mask, 2 + rng.nextInt(2), rng), 0.05 * d, rng);
            case LOW -> {
                Mask morphed = morph(mask, 4 + rng.nextInt(3), rng);
                yield Randoms.coin(rng) ? SmoothWarp.warp(morphed, 0.1 * d, d, rng) : shift(morphed, 0.1 * d, rng);
            }
            case WRONG -> Background.pseudoTarget(target);
        };
        return SegLab.of(out.isEmpty() ? mask : out);
    }

    private static Mask morph(Mask mask, int radius, SplittableRandom rng) {
        boolean dilate = Randoms.coin(rng);
        if (radius == 0) {
            return mask;
        }
        if (dilate) {
            return Morphology.dilate(mask, radius);
        }
        Mask eroded = Morphology.erode(mask, radius);
        return eroded.isEmpty() ? mask : eroded;
    }

    private static Mask shift(Mask mask, double maxLength, SplittableRandom rng) {
        double[] v = Randoms.shift(rng, maxLength);
        return Morphology.translate(mask, (int) Math.round(v[0]), (int) Math.round(v[1]));
    }
}
