package org.onepro.train.cuenet;

import java.util.List;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.classic.grid.Grid;
import org.onepro.classic.registration.Registration;
import org.onepro.classic.registration.Warp;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;

/**
 * The network input of one template/query pair at {@link #SIDE} x {@link #SIDE}: the query's grey image, the
 * template's grey image registered onto it (0 outside), the probability of a pixel classifier fitted to the template,
 * the registered template mask (bilinear) and the template mask pasted onto the query without registration.
 */
public final class CuePlanes {

    /** The working side of the network. */
    public static final int SIDE = 128;
    /** Planes per pair. */
    public static final int PLANES = 5;

    private CuePlanes() {
    }

    /**
     * The cues of a pair.
     *
     * @param planes     {@code PLANES * SIDE * SIDE} values
     * @param classified the classifier's probability at the query's size (the full-resolution detail)
     * @param height     query rows
     * @param width      query columns
     */
    public record Pair(float[] planes, float[] classified, int height, int width) {
    }

    /**
     * Fits the template's classifier.
     *
     * @param template the template image
     * @param mask     its mask of the target
     * @param seed     the classifier's seed
     * @return the classifier; close it
     */
    public static PixelClassifier classifier(Image template, Mask mask, long seed) {
        return PixelClassifier.fit(List.of(template), List.of(mask), PixelClassifier.Settings.defaults(seed));
    }

    /**
     * Computes the cues of a pair.
     *
     * @param template   the template image
     * @param mask       its mask of the target
     * @param classifier the classifier fitted to the template
     * @param query      the query image, with the template's channels
     * @return the cues
     */
    public static Pair of(Image template, Mask mask, PixelClassifier classifier, Image query) {
        int h = query.height();
        int w = query.width();
        int n = SIDE * SIDE;
        float[] out = new float[PLANES * n];
        Warp warp = Registration.register(template, query, Registration.Settings.DEFAULT);
        Grid maskGrid = grid(mask);
        Grid tGrey = Grid.grey(template).normalised(0.5, 99.5);
        put(out, 0, Grid.grey(query).normalised(0.5, 99.5).resize(SIDE, SIDE));
        put(out, 1, warp.warp(tGrey, 0f).resize(SIDE, SIDE));
        float[] rf = classifier.predict(query).data();
        put(out, 2, new Grid(rf, h, w).resize(SIDE, SIDE));
        put(out, 3, warp.warp(maskGrid, 0f).resize(SIDE, SIDE));
        put(out, 4, maskGrid.resize(SIDE, SIDE));
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1f, Math.max(0f, out[i]));
        }
        return new Pair(out, rf, h, w);
    }

    private static void put(float[] out, int plane, Grid g) {
        System.arraycopy(g.data(), 0, out, plane * SIDE * SIDE, SIDE * SIDE);
    }

    static Grid grid(Mask m) {
        boolean[] d = m.data();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] ? 1f : 0f;
        }
        return new Grid(out, m.height(), m.width());
    }
}
