package org.onepro.data.prompt;

import java.util.SplittableRandom;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Point;

/**
 * Simulated click prompts. ORACLE clicks the pixel farthest from the outside; HIGH and MEDIUM pick a pixel whose
 * inside distance is at least 50 % or 20 % of that maximum; LOW picks any target pixel and moves it by Gaussian
 * jitter of std {@code 0.15 d}; HIGH, MEDIUM and LOW add one background click in the ring around the target with
 * probability 0.5; WRONG clicks the background pixel farthest from the target.
 */
final class ClickSimulator {

    private static final double HIGH_MIN_DEPTH = 0.5;
    private static final double MEDIUM_MIN_DEPTH = 0.2;
    private static final double LOW_JITTER = 0.15;
    private static final double BACKGROUND_CLICK_PROBABILITY = 0.5;

    private ClickSimulator() {
    }

    /**
     * Simulates one click prompt.
     *
     * @param target  the target
     * @param quality the quality level
     * @param rng     the generator for every random choice
     * @return the click prompt
     */
    static Click simulate(TargetShape target, Quality quality, SplittableRandom rng) {
        Click click = switch (quality) {
            case ORACLE -> foreground(target.oraclePoint());
            case HIGH -> foreground(target.centre(deepPixel(target, HIGH_MIN_DEPTH, rng)));
            case MEDIUM -> foreground(target.centre(deepPixel(target, MEDIUM_MIN_DEPTH, rng)));
            case LOW -> foreground(jittered(target, rng));
            case WRONG -> foreground(target.centre(Background.farthest(target)));
        };
        if (quality == Quality.ORACLE || quality == Quality.WRONG) {
            return click;
        }
        if (rng.nextDouble() < BACKGROUND_CLICK_PROBABILITY) {
            int[] ring = Background.ring(target);
            if (ring.length > 0) {
                Point p = target.centre(Randoms.pick(rng, ring));
                click = click.withBackground(p.x(), p.y());
            }
        }
        return click;
    }

    private static Click foreground(Point p) {
        return Click.foreground(p.x(), p.y());
    }

    /** A uniformly chosen target pixel whose inside distance is at least {@code fraction} of the maximum. */
    private static int deepPixel(TargetShape target, double fraction, SplittableRandom rng) {
        double[] inside = target.insideDistance();
        double threshold = fraction * target.maxInsideDistance();
        int n = 0;
        for (double v : inside) {
            if (v > 0 && v >= threshold) {
                n++;
            }
        }
        int[] deep = new int[n];
        int k = 0;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i] > 0 && inside[i] >= threshold) {
                deep[k++] = i;
            }
        }
        return Randoms.pick(rng, deep);
    }

    /** Any target pixel, moved by isotropic Gaussian jitter and clamped into the image. */
    private static Point jittered(TargetShape target, SplittableRandom rng) {
        Point p = target.centre(deepPixel(target, 0.0, rng));
        double sigma = LOW_JITTER * target.size();
        return target.clamp(p.x() + sigma * Randoms.gaussian(rng), p.y() + sigma * Randoms.gaussian(rng));
    }
}
