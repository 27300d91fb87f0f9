package org.onepro.data.prompt;

import java.util.SplittableRandom;
import org.onepro.core.mask.Mask;

/**
 * A random smooth deformation of a mask: each axis is displaced by one plane sine wave
 * {@code a sin(2 pi (x cos t + y sin t) / lambda + phi)} with amplitude {@code a} uniform in
 * {@code [0, maxDisplacement)}, direction {@code t} and phase {@code phi} uniform, and wavelength {@code lambda}
 * uniform in {@code [scale, 2 scale)}. Wavelengths of at least the target size bend the outline as a whole instead
 * of roughening it, and the slope stays below 1 for amplitudes up to {@code 0.15 scale}, so the warp never folds.
 */
final class SmoothWarp {

    private SmoothWarp() {
    }

    /**
     * Warps a mask by backward nearest-neighbour sampling: output pixel {@code p} takes the input at
     * {@code p - displacement(p)}, and positions that fall outside the image read as background.
     *
     * @param mask            the mask
     * @param maxDisplacement the largest displacement per axis, in pixels
     * @param scale           the target size; wavelengths lie in {@code [scale, 2 scale)}
     * @param rng             the generator for the wave parameters
     * @return the warped mask, possibly empty
     */
    static Mask warp(Mask mask, double maxDisplacement, double scale, SplittableRandom rng) {
        double[] u = wave(rng, maxDisplacement, scale);
        double[] v = wave(rng, maxDisplacement, scale);
        int h = mask.height();
        int w = mask.width();
        boolean[] in = mask.data();
        boolean[] out = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = (int) Math.round(x - evaluate(u, x, y));
                int sy = (int) Math.round(y - evaluate(v, x, y));
                if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
                    out[y * w + x] = in[sy * w + sx];
                }
            }
        }
        return Mask.of(out, h, w);
    }

    /** {amplitude, kx, ky, phase} of one plane wave. */
    private static double[] wave(SplittableRandom rng, double maxDisplacement, double scale) {
        double amplitude = Randoms.uniform(rng, 0, maxDisplacement);
        double direction = Randoms.uniform(rng, 0, 2 * Math.PI);
        double wavelength = Randoms.uniform(rng, scale, 2 * scale);
        double phase = Randoms.uniform(rng, 0, 2 * Math.PI);
        double k = 2 * Math.PI / wavelength;
        return new double[] {amplitude, k * Math.cos(direction), k * Math.sin(direction), phase};
    }

    private static double evaluate(double[] wave, int x, int y) {
        return wave[0] * Math.sin(wave[1] * x + wave[2] * y + wave[3]);
    }
}
