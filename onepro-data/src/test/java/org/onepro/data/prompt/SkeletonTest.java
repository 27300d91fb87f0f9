package org.onepro.data.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Point;

class SkeletonTest {

    private static int neighbours(Mask m, int y, int x) {
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int yy = y + dy;
                int xx = x + dx;
                if ((dy != 0 || dx != 0) && yy >= 0 && yy < m.height() && xx >= 0 && xx < m.width()
                        && m.get(yy, xx)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void thinningKeepsShapesConnectedAndInsideTheMask() {
        for (var e : TestMasks.all().entrySet()) {
            Mask mask = e.getValue();
            Mask skeleton = Skeleton.thin(mask);
            assertTrue(skeleton.count() > 0 && skeleton.count() < mask.count() / 3, e.getKey());
            boolean[] s = skeleton.data();
            boolean[] m = mask.data();
            for (int i = 0; i < s.length; i++) {
                assertTrue(!s[i] || m[i], e.getKey());
            }
            assertEquals(1, ConnectedComponents.of(s, mask.height(), mask.width()).size(), e.getKey());
        }
    }

    @Test
    void ringThinsToAClosedLoop() {
        Mask skeleton = Skeleton.thin(TestMasks.all().get("ring"));
        // A closed loop has no loose ends, and it splits the rest of the image into an inside and an outside.
        for (int y = 0; y < skeleton.height(); y++) {
            for (int x = 0; x < skeleton.width(); x++) {
                if (skeleton.get(y, x)) {
                    assertTrue(neighbours(skeleton, y, x) >= 2, "loop end at (" + x + ", " + y + ")");
                }
            }
        }
        assertEquals(2, fourConnectedBackgroundRegions(skeleton));
    }

    private static int fourConnectedBackgroundRegions(Mask m) {
        int h = m.height();
        int w = m.width();
        boolean[] seen = m.data();
        int regions = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < seen.length; s++) {
            if (seen[s]) {
                continue;
            }
            regions++;
            seen[s] = true;
            queue.add(s);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int[] next = {i % w > 0 ? i - 1 : -1, i % w < w - 1 ? i + 1 : -1, i >= w ? i - w : -1,
                    i < (h - 1) * w ? i + w : -1};
                for (int j : next) {
                    if (j >= 0 && !seen[j]) {
                        seen[j] = true;
                        queue.add(j);
                    }
                }
            }
        }
        return regions;
    }

    @Test
    void longestPathOfALineIsTheLineInOrder() {
        Mask line = TestMasks.draw(20, 30, (x, y) -> y == 7 && x >= 3 && x <= 25);
        List<Point> path = Skeleton.longestPath(line);
        assertEquals(23, path.size());
        Point first = path.get(0);
        Point last = path.get(path.size() - 1);
        assertEquals(22.0, Math.abs(last.x() - first.x()), 1e-12);
        for (int i = 1; i < path.size(); i++) {
            assertEquals(1.0, Polyline.distance(path.get(i - 1), path.get(i)), 1e-12);
        }
    }

    @Test
    void longestPathOfAnLRunsFromArmToArm() {
        List<Point> path = Skeleton.longestPath(TestMasks.all().get("L-shape"));
        Point a = path.get(0);
        Point b = path.get(path.size() - 1);
        // One end in the far part of each arm: x near 100 on the horizontal arm, y near 100 on the vertical one.
        boolean ab = a.x() > 85 && b.y() > 85;
        boolean ba = b.x() > 85 && a.y() > 85;
        assertTrue(ab || ba, a + " .. " + b);
        // Each arm's medial axis runs about 60 pixels, from half the arm width before its end to the corner.
        assertTrue(Polyline.length(path) > 105, "length " + Polyline.length(path));
    }

    @Test
    void tinyBlobsMayThinAway() {
        Mask square = TestMasks.draw(6, 6, (x, y) -> x >= 2 && x <= 3 && y >= 2 && y <= 3);
        assertTrue(Skeleton.thin(square).isEmpty());
        assertTrue(Skeleton.longestPath(square).isEmpty());
        assertEquals(List.of(), Skeleton.longestPath(Mask.empty(4, 4)));
    }

    @Test
    void simplifiedPolylinesKeepTheirEndsAndAtMostTheRequestedVertices() {
        List<Point> path = Skeleton.longestPath(TestMasks.all().get("crescent"));
        List<Point> simple = Polyline.simplify(path, 8);
        assertTrue(simple.size() <= 8 && simple.size() >= 2);
        assertEquals(path.get(0), simple.get(0));
        assertEquals(path.get(path.size() - 1), simple.get(simple.size() - 1));
        double full = Polyline.length(path);
        assertTrue(Polyline.length(simple) > 0.9 * full && Polyline.length(simple) <= full + 1e-9);
        List<Point> middle = Polyline.stretch(path, 0.25 * full, 0.75 * full);
        assertEquals(0.5 * full, Polyline.length(middle), 1e-6);
    }
}
