package org.onepro.classic.fusion;

import org.onepro.classic.grid.Gaussian;
import org.onepro.classic.grid.Grid;
import org.onepro.classic.registration.Registration;
import org.onepro.classic.registration.Warp;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;

/**
 * The cues of one template/query pair, at the query's size: the template's mask carried over by registration
 * ({@code registered}, bilinear, so its edge is soft) and pasted without it ({@code pasted}), the pixel
 * classifier's probabilities ({@code classified}), how well the registered template image matches the query
 * around each pixel ({@code localMatch}, normalised cross-correlation in a Gaussian window), and their global
 * agreement.
 *
 * @param height      query rows
 * @param width       query columns
 * @param registered  registered template mask, 0 to 1
 * @param pasted      the template mask stretched onto the query, 0 to 1
 * @param classified  the classifier's probabilities
 * @param localMatch  local NCC of the registered template image and the query, -1 to 1
 * @param globalMatch NCC of the registered template image and the query over the whole query
 * @param selfDice    the template classifier's Dice on held-back blocks of its own template
 * @param templateArea the target's share of the template
 */
public record PairCues(int height, int width, Grid registered, Grid pasted, Grid classified, Grid localMatch,
        double globalMatch, double selfDice, double templateArea) {

    /**
     * Computes the cues of a pair.
     *
     * @param template the template's cues
     * @param query    the query image
     * @param settings the registration's settings
     * @return the cues
     */
    public static PairCues of(TemplateCues template, Image query, Registration.Settings settings) {
        int h = query.height();
        int w = query.width();
        Warp warp = Registration.register(template.image(), query, settings);
        Mask mask = template.mask();
        Grid maskGrid = toGrid(mask);
        Grid registered = warp.warp(maskGrid, 0f);
        Grid pasted = maskGrid.resize(h, w);
        Grid classified = new Grid(template.classifier().predict(query).data(), h, w);
        Grid tGrey = Grid.grey(template.image()).normalised(0.5, 99.5);
        Grid moved = warp.warp(tGrey, Float.NaN);
        Grid qGrey = Grid.grey(query).normalised(0.5, 99.5);
        float[] inside = new float[h * w];
        float[] mv = moved.data().clone();
        for (int i = 0; i < mv.length; i++) {
            inside[i] = Float.isNaN(mv[i]) ? 0 : 1;
            if (Float.isNaN(mv[i])) {
                mv[i] = 0;
            }
        }
        double sigma = 0.02 * Math.max(h, w) + 1;
        Grid local = localNcc(qGrey, new Grid(mv, h, w), inside, sigma);
        double global = globalNcc(qGrey.data(), mv, inside);
        return new PairCues(h, w, registered, pasted, classified, local, global, template.selfDice(),
                mask.count() / (double) (mask.height() * mask.width()));
    }

    private static Grid toGrid(Mask m) {
        boolean[] d = m.data();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] ? 1f : 0f;
        }
        return new Grid(out, m.height(), m.width());
    }

    private static Grid localNcc(Grid a, Grid b, float[] inside, double sigma) {
        int n = inside.length;
        float[] ab = new float[n];
        float[] aa = new float[n];
        float[] bb = new float[n];
        float[] av = a.data();
        float[] bv = b.data();
        for (int i = 0; i < n; i++) {
            ab[i] = av[i] * bv[i];
            aa[i] = av[i] * av[i];
            bb[i] = bv[i] * bv[i];
        }
        int h = a.height();
        int w = a.width();
        float[] ma = Gaussian.smooth(a, sigma).data();
        float[] mb = Gaussian.smooth(b, sigma).data();
        float[] mab = Gaussian.smooth(new Grid(ab, h, w), sigma).data();
        float[] maa = Gaussian.smooth(new Grid(aa, h, w), sigma).data();
        float[] mbb = Gaussian.smooth(new Grid(bb, h, w), sigma).data();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double cov = mab[i] - ma[i] * mb[i];
            double va = Math.max(0, maa[i] - ma[i] * ma[i]);
            double vb = Math.max(0, mbb[i] - mb[i] * mb[i]);
            out[i] = inside[i] == 0 ? -1f : (float) (cov / Math.sqrt(va * vb + 1e-4));
        }
        return new Grid(out, h, w);
    }

    private static double globalNcc(float[] a, float[] b, float[] inside) {
        double n = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            if (inside[i] > 0) {
                n++;
                sa += a[i];
                sb += b[i];
            }
        }
        if (n < 4) {
            return -1;
        }
        double ma = sa / n;
        double mb = sb / n;
        double cab = 0;
        double caa = 0;
        double cbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (inside[i] > 0) {
                cab += (a[i] - ma) * (b[i] - mb);
                caa += (a[i] - ma) * (a[i] - ma);
                cbb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return caa > 0 && cbb > 0 ? cab / Math.sqrt(caa * cbb) : -1;
    }
}
