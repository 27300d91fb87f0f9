package org.onepro.classic.registration;

import org.onepro.classic.grid.Grid;

/**
 * Sampling a template grid at the positions an affine map (plus an optional displacement field on the query grid)
 * assigns to each pixel of a query grid.
 */
final class Sampling {

    private Sampling() {
    }

    /**
     * The template sampled on the query grid.
     *
     * @param template the template grid
     * @param affine   query to template, in normalised coordinates
     * @param h        query grid rows
     * @param w        query grid columns
     * @param dx       displacement along x per query pixel in query pixels, or null
     * @param dy       displacement along y, or null
     * @param inside   receives 1 where the position falls inside the template, else 0; may be null
     * @return the sampled values (border value outside)
     */
    static float[] warp(Grid template, Affine affine, int h, int w, float[] dx, float[] dy, float[] inside) {
        float[] out = new float[h * w];
        int th = template.height();
        int tw = template.width();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double px = x + (dx == null ? 0 : dx[i]);
                double py = y + (dy == null ? 0 : dy[i]);
                double ux = (px + 0.5) / w - 0.5;
                double uy = (py + 0.5) / h - 0.5;
                double tx = (affine.x(ux, uy) + 0.5) * tw - 0.5;
                double ty = (affine.y(ux, uy) + 0.5) * th - 0.5;
                out[i] = template.sample(ty, tx);
                if (inside != null) {
                    inside[i] = tx >= -0.5 && tx <= tw - 0.5 && ty >= -0.5 && ty <= th - 0.5 ? 1f : 0f;
                }
            }
        }
        return out;
    }
}
