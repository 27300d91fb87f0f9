package org.onepro.data.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.onepro.core.mask.Mask;

/** Generated target shapes on a 128x128 image, from compact to thin, hollow and concave. */
final class TestMasks {

    static final int SIZE = 128;

    private TestMasks() {
    }

    /** Every test shape by name, in a fixed order. */
    static Map<String, Mask> all() {
        Map<String, Mask> out = new LinkedHashMap<>();
        out.put("disc", disc(64, 64, 24));
        out.put("corner disc", cornerDisc());
        out.put("ellipse", draw((x, y) -> {
            double c = Math.cos(Math.toRadians(30));
            double s = Math.sin(Math.toRadians(30));
            double u = (x - 64) * c + (y - 64) * s;
            double v = -(x - 64) * s + (y - 64) * c;
            return (u / 40) * (u / 40) + (v / 14) * (v / 14) <= 1;
        }));
        out.put("L-shape", draw((x, y) -> (x >= 20 && x <= 100 && y >= 20 && y <= 40)
                || (x >= 20 && x <= 40 && y >= 20 && y <= 100)));
        out.put("thin bar", draw((x, y) -> x >= 14 && x <= 113 && y >= 60 && y <= 64));
        out.put("ring", draw((x, y) -> {
            double r = Math.hypot(x - 64, y - 64);
            return r >= 18 && r <= 30;
        }));
        out.put("crescent", draw((x, y) -> Math.hypot(x - 64, y - 64) <= 34 && Math.hypot(x - 82, y - 64) > 26));
        out.put("three-lobed blob", draw((x, y) -> Math.hypot(x - 64, y - 40) <= 17 || Math.hypot(x - 42, y - 80) <= 17
                || Math.hypot(x - 86, y - 80) <= 17 || Math.hypot(x - 64, y - 67) <= 12));
        return out;
    }

    /** A disc of radius 14 near the top-left corner. */
    static Mask cornerDisc() {
        return disc(20, 20, 14);
    }

    static Mask disc(double cx, double cy, double r) {
        return draw((x, y) -> Math.hypot(x - cx, y - cy) <= r);
    }

    static Mask draw(BiPredicate<Integer, Integer> inside) {
        return draw(SIZE, SIZE, inside);
    }

    static Mask draw(int height, int width, BiPredicate<Integer, Integer> inside) {
        boolean[] m = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                m[y * width + x] = inside.test(x, y);
            }
        }
        return Mask.of(m, height, width);
    }
}
