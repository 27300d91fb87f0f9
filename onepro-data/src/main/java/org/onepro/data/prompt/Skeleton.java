package org.onepro.data.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Point;

/**
 * One-pixel-wide skeletons of binary masks by Zhang–Suen thinning, and the longest path through a skeleton, which
 * is where a person would run a pen along an elongated structure.
 */
public final class Skeleton {

    /** Row and column steps to the neighbours P2..P9 of Zhang–Suen: N, NE, E, SE, S, SW, W, NW. */
    private static final int[] NY = {-1, -1, 0, 1, 1, 1, 0, -1};
    private static final int[] NX = {0, 1, 1, 1, 0, -1, -1, -1};

    private Skeleton() {
    }

    /**
     * Thins a mask to its Zhang–Suen skeleton ("A fast parallel algorithm for thinning digital patterns", 1984),
     * treating everything beyond the image border as background. Like the original algorithm it can erase very
     * small blobs (a 2x2 square disappears), so the result may be empty.
     *
     * @param mask the mask to thin
     * @return the skeleton, a subset of the mask
     */
    public static Mask thin(Mask mask) {
        Objects.requireNonNull(mask, "mask");
        int h = mask.height();
        int w = mask.width();
        boolean[] fg = mask.data();
        // Only pixels next to background can ever be deleted, so each pass visits the current contour instead of
        // the whole image; that keeps thinning a large blob linear in its area rather than area times radius.
        boolean[] queued = new boolean[fg.length];
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < fg.length; i++) {
            if (fg[i] && touchesBackground(fg, h, w, i)) {
                queued[i] = true;
                candidates.add(i);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int step = 0; step < 2; step++) {
                List<Integer> marked = new ArrayList<>();
                for (int i : candidates) {
                    if (fg[i] && deletable(fg, h, w, i, step)) {
                        marked.add(i);
                    }
                }
                if (marked.isEmpty()) {
                    continue;
                }
                changed = true;
                for (int i : marked) {
                    fg[i] = false;
                }
                List<Integer> next = new ArrayList<>();
                for (int i : candidates) {
                    if (fg[i]) {
                        next.add(i);
                    } else {
                        queued[i] = false;
                    }
                }
                for (int i : marked) {
                    int y = i / w;
                    int x = i % w;
                    for (int k = 0; k < 8; k++) {
                        int yy = y + NY[k];
                        int xx = x + NX[k];
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            int j = yy * w + xx;
                            if (fg[j] && !queued[j]) {
                                queued[j] = true;
                                next.add(j);
                            }
                        }
                    }
                }
                candidates = next;
            }
        }
        return Mask.of(fg, h, w);
    }

    /**
     * Finds the longest path through the mask's skeleton: in each 8-connected skeleton component, a geodesic
     * double sweep (the farthest pixel from any start, then the farthest pixel from that one, with steps of 1 and
     * sqrt(2)) finds the end points, which is exact on tree-shaped skeletons and a close approximation on loops;
     * the longest of these paths over all components is returned.
     *
     * @param mask the mask (thinned here first)
     * @return pixel centres along the path in order, at least 2 when the skeleton has two connected pixels; empty
     *         when the skeleton is empty, a single point when it has no two connected pixels
     */
    public static List<Point> longestPath(Mask mask) {
        Mask skeleton = thin(mask);
        int h = skeleton.height();
        int w = skeleton.width();
        boolean[] on = skeleton.data();
        boolean[] seen = new boolean[on.length];
        double[] dist = new double[on.length];
        int[] parent = new int[on.length];
        List<Point> best = List.of();
        double bestLength = -1;
        for (int s = 0; s < on.length; s++) {
            if (!on[s] || seen[s]) {
                continue;
            }
            int a = farthest(on, h, w, s, dist, parent, seen);
            int b = farthest(on, h, w, a, dist, parent, null);
            if (dist[b] > bestLength) {
                bestLength = dist[b];
                List<Point> path = new ArrayList<>();
                for (int i = b; i != -1; i = parent[i]) {
                    path.add(new Point(i % w, i / w));
                }
                Collections.reverse(path);
                best = path;
            }
        }
        return best;
    }

    /**
     * Dijkstra over the skeleton component of {@code start}; fills {@code dist} and {@code parent} and returns the
     * farthest pixel (the lowest index among equals, so the result does not depend on queue order).
     */
    private static int farthest(boolean[] on, int h, int w, int start, double[] dist, int[] parent, boolean[] seen) {
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[start] = 0;
        parent[start] = -1;
        PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> {
            int c = Double.compare(p[0], q[0]);
            return c != 0 ? c : Double.compare(p[1], q[1]);
        });
        queue.add(new double[] {0, start});
        int far = start;
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int i = (int) top[1];
            if (top[0] > dist[i]) {
                continue;
            }
            if (seen != null) {
                seen[i] = true;
            }
            if (dist[i] > dist[far] || (dist[i] == dist[far] && i < far)) {
                far = i;
            }
            int y = i / w;
            int x = i % w;
            for (int k = 0; k < 8; k++) {
                int yy = y + NY[k];
                int xx = x + NX[k];
                if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                    continue;
                }
                int j = yy * w + xx;
                if (!on[j]) {
                    continue;
                }
                double nd = dist[i] + ((k & 1) == 1 ? Math.sqrt(2.0) : 1.0);
                if (nd < dist[j]) {
                    dist[j] = nd;
                    parent[j] = i;
                    queue.add(new double[] {nd, j});
                }
            }
        }
        return far;
    }

    private static boolean touchesBackground(boolean[] fg, int h, int w, int i) {
        int y = i / w;
        int x = i % w;
        for (int k = 0; k < 8; k++) {
            if (!pixel(fg, h, w, y + NY[k], x + NX[k])) {
                return true;
            }
        }
        return false;
    }

    /** The two Zhang–Suen sub-iteration tests; {@code step} 0 is the south-east pass, 1 the north-west pass. */
    private static boolean deletable(boolean[] fg, int h, int w, int i, int step) {
        int y = i / w;
        int x = i % w;
        boolean[] p = new boolean[8];
        int b = 0;
        for (int k = 0; k < 8; k++) {
            p[k] = pixel(fg, h, w, y + NY[k], x + NX[k]);
            if (p[k]) {
                b++;
            }
        }
        if (b < 2 || b > 6) {
            return false;
        }
        int a = 0;
        for (int k = 0; k < 8; k++) {
            if (!p[k] && p[(k + 1) % 8]) {
                a++;
            }
        }
        if (a != 1) {
            return false;
        }
        boolean p2 = p[0];
        boolean p4 = p[2];
        boolean p6 = p[4];
        boolean p8 = p[6];
        if (step == 0) {
            return !(p2 && p4 && p6) && !(p4 && p6 && p8);
        }
        return !(p2 && p4 && p8) && !(p2 && p6 && p8);
    }

    private static boolean pixel(boolean[] fg, int h, int w, int y, int x) {
        return y >= 0 && y < h && x >= 0 && x < w && fg[y * w + x];
    }
}
