package org.onepro.data.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a binary grid into its 8-connected components. */
final class ConnectedComponents {

    private ConnectedComponents() {
    }

    /**
     * Labels the components of the set pixels.
     *
     * @param on     row-major flags
     * @param height rows
     * @param width  columns
     * @return one row-major index array per component, ordered by each component's first pixel in row-major order,
     *         indices within a component ascending
     */
    static List<int[]> of(boolean[] on, int height, int width) {
        boolean[] seen = new boolean[on.length];
        int[] queue = new int[on.length];
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < on.length; s++) {
            if (!on[s] || seen[s]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            seen[s] = true;
            while (head < tail) {
                int i = queue[head++];
                int y = i / width;
                int x = i % width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                            int j = yy * width + xx;
                            if (on[j] && !seen[j]) {
                                seen[j] = true;
                                queue[tail++] = j;
                            }
                        }
                    }
                }
            }
            int[] component = Arrays.copyOf(queue, tail);
            Arrays.sort(component);
            out.add(component);
        }
        return out;
    }
}
