package org.onepro.classic.interactive;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.onepro.classic.grid.Gaussian;
import org.onepro.classic.grid.Grid;

/**
 * Geodesic distance from a set of seed pixels over an image (Dijkstra on the 8-neighbour grid): each step costs its
 * length times {@code 1 + 5 g / mean(g)}, g the gradient magnitude at σ = 1 (both ends averaged), so paths that
 * cross edges are long and a region of even brightness is close to a seed inside it.
 */
final class GeodesicDistance {

    private GeodesicDistance() {
    }

    /**
     * Distances in pixels of path cost.
     *
     * @param grey  the image, normalised
     * @param seeds seed pixels
     * @return per pixel the least path cost to a seed; {@code Float.MAX_VALUE} where no seed exists
     */
    static float[] from(Grid grey, boolean[] seeds) {
        int h = grey.height();
        int w = grey.width();
        float[] gx = Gaussian.derivative(grey, 1.0, 0, 1).data();
        float[] gy = Gaussian.derivative(grey, 1.0, 1, 0).data();
        float[] g = new float[h * w];
        double sum = 0;
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
            sum += g[i];
        }
        float scale = (float) (5.0 / Math.max(sum / g.length, 1e-6));
        float[] dist = new float[h * w];
        Arrays.fill(dist, Float.MAX_VALUE);
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 0; i < seeds.length; i++) {
            if (seeds[i]) {
                dist[i] = 0;
                queue.add(new long[] {0, i});
            }
        }
        int[] dy = {-1, -1, -1, 0, 0, 1, 1, 1};
        int[] dx = {-1, 0, 1, -1, 1, -1, 0, 1};
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int i = (int) top[1];
            float d = Float.intBitsToFloat((int) top[0]);
            if (d > dist[i]) {
                continue;
            }
            int y = i / w;
            int x = i % w;
            for (int k = 0; k < 8; k++) {
                int ny = y + dy[k];
                int nx = x + dx[k];
                if (ny < 0 || ny >= h || nx < 0 || nx >= w) {
                    continue;
                }
                int j = ny * w + nx;
                float len = dx[k] != 0 && dy[k] != 0 ? 1.4142135f : 1f;
                float nd = d + len * (1 + scale * 0.5f * (g[i] + g[j]));
                if (nd < dist[j]) {
                    dist[j] = nd;
                    // Non-negative floats order like their bit patterns, so the bits serve as the queue key.
                    queue.add(new long[] {Float.floatToIntBits(nd), j});
                }
            }
        }
        return dist;
    }
}
