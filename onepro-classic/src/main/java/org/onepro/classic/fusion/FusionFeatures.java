package org.onepro.classic.fusion;

import java.util.List;
import org.onepro.classic.grid.Gaussian;
import org.onepro.classic.grid.Grid;

/**
 * The per-pixel features a learned combiner reads from a pair's cues: each cue at its own resolution and smoothed
 * at two widths (2 % and 6 % of the longer side, so a pixel sees whether it lies deep inside or at the edge of what
 * each cue marks), the local match, and the pair's global signals repeated at every pixel (how well the
 * registration matched, how well the classifier carried over on its template, the target's share of the template,
 * and how the classifier's and the registration's areas and masks compare).
 */
public final class FusionFeatures {

    /** The features' names, in order. */
    public static final List<String> NAMES = List.of("registered", "registered_s2", "registered_s6", "pasted",
            "pasted_s6", "classified", "classified_s2", "classified_s6", "local_match", "global_match", "self_dice",
            "template_area", "classified_area_ratio", "registered_area_ratio", "agreement");

    private FusionFeatures() {
    }

    /**
     * The feature planes of a pair.
     *
     * @param c the cues
     * @return {@link #NAMES}{@code .size()} planes of {@code height * width} values
     */
    public static float[][] planes(PairCues c) {
        int n = c.height() * c.width();
        double l = Math.max(c.height(), c.width());
        double s2 = 0.02 * l;
        double s6 = 0.06 * l;
        float[] reg = c.registered().data();
        float[] rf = c.classified().data();
        double area = Math.max(c.templateArea(), 1e-4);
        double rfArea = 0;
        double regArea = 0;
        double both = 0;
        for (int i = 0; i < n; i++) {
            boolean a = rf[i] > 0.5f;
            boolean b = reg[i] > 0.5f;
            rfArea += a ? 1 : 0;
            regArea += b ? 1 : 0;
            both += a && b ? 1 : 0;
        }
        double agreement = rfArea + regArea == 0 ? 1 : 2 * both / (rfArea + regArea);
        return new float[][] {reg, smooth(c.registered(), s2), smooth(c.registered(), s6), c.pasted().data(),
            smooth(c.pasted(), s6), rf, smooth(c.classified(), s2), smooth(c.classified(), s6),
            c.localMatch().data(), constant(n, c.globalMatch()), constant(n, c.selfDice()), constant(n, area),
            constant(n, Math.log((rfArea / n + 1e-4) / area)), constant(n, Math.log((regArea / n + 1e-4) / area)),
            constant(n, agreement)};
    }

    private static float[] smooth(Grid g, double sigma) {
        return Gaussian.smooth(g, sigma).data();
    }

    private static float[] constant(int n, double v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, (float) v);
        return out;
    }
}
