package org.onepro.data.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;

class PromptSimulatorTest {

    private static final int SEEDS = 200;
    private static final Map<Mask, List<int[]>> MASK_EDGES = new HashMap<>();
    private static final Quality[] GRADED = {Quality.ORACLE, Quality.HIGH, Quality.MEDIUM, Quality.LOW};

    private static Prompt simulate(PromptType type, Mask mask, Quality q, long seed) {
        Prompt p = PromptSimulator.simulate(type, mask, q, new SplittableRandom(seed));
        assertEquals(type, p.type());
        return p;
    }

    private static boolean inMask(Mask m, Point p) {
        int x = (int) Math.round(p.x());
        int y = (int) Math.round(p.y());
        return m.get(y, x);
    }

    private static Point firstForeground(Click c) {
        return c.points().stream().filter(ClickPoint::foreground).findFirst().orElseThrow().point();
    }

    private static List<Point> foregroundPoints(Doodle d) {
        List<Point> out = new ArrayList<>();
        for (Stroke s : d.strokes()) {
            if (s.foreground()) {
                out.addAll(s.points());
            }
        }
        return out;
    }

    /**
     * 0 when the point falls on a mask pixel, else the distance to the nearest mask pixel centre. For a point off the
     * mask that nearest centre is always a mask pixel with a non-mask 8-neighbour, so only those are searched.
     */
    private static double distanceToMask(Mask m, Point p) {
        if (inMask(m, p)) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int[] q : MASK_EDGES.computeIfAbsent(m, k -> edge(k, true))) {
            best = Math.min(best, Math.hypot(q[0] - p.x(), q[1] - p.y()));
        }
        return best;
    }

    /** The pixels of one side ({@code foreground}) that have an 8-neighbour of the other side or the image border. */
    private static List<int[]> edge(Mask m, boolean foreground) {
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (m.get(y, x) != foreground) {
                    continue;
                }
                boolean edge = false;
                for (int dy = -1; dy <= 1 && !edge; dy++) {
                    for (int dx = -1; dx <= 1 && !edge; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        edge = yy < 0 || yy >= m.height() || xx < 0 || xx >= m.width() || m.get(yy, xx) != foreground;
                    }
                }
                if (edge) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    /** How far a prompt is from the ideal one of its type, in the measure docs/prompts.md reports. */
    private static double error(Prompt p, Mask mask, Prompt oracle) {
        if (p instanceof Click c) {
            Point a = firstForeground(c);
            Point b = firstForeground((Click) oracle);
            return Math.hypot(a.x() - b.x(), a.y() - b.y());
        }
        if (p instanceof BBox b) {
            BBox o = (BBox) oracle;
            return 0.5 * (Math.hypot(b.x0() - o.x0(), b.y0() - o.y0()) + Math.hypot(b.x1() - o.x1(), b.y1() - o.y1()));
        }
        if (p instanceof Doodle d) {
            List<Point> points = foregroundPoints(d);
            return points.stream().mapToDouble(pt -> distanceToMask(mask, pt)).average().orElseThrow();
        }
        return 1 - SegmentationMetrics.iou(((SegLab) p).mask(), mask);
    }

    /**
     * The largest distance from a mask pixel to the nearest non-mask position (background pixel or just beyond the
     * border), by direct search; the nearest background pixel always borders the mask, so only those are searched.
     */
    private static double bruteMaxInsideDistance(Mask m) {
        int h = m.height();
        int w = m.width();
        List<int[]> outside = edge(m, false);
        double best = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!m.get(y, x)) {
                    continue;
                }
                double d = Math.min(Math.min(x + 1, w - x), Math.min(y + 1, h - y));
                for (int[] q : outside) {
                    d = Math.min(d, Math.hypot(q[0] - x, q[1] - y));
                }
                best = Math.max(best, d);
            }
        }
        return best;
    }

    @Test
    void oracleAndHighClicksFallInsideTheMask() {
        for (Map.Entry<String, Mask> e : TestMasks.all().entrySet()) {
            for (int seed = 0; seed < SEEDS; seed++) {
                for (Quality q : List.of(Quality.ORACLE, Quality.HIGH)) {
                    Click c = (Click) simulate(PromptType.CLICK, e.getValue(), q, seed);
                    assertTrue(inMask(e.getValue(), firstForeground(c)), e.getKey() + " " + q + " seed " + seed);
                }
            }
        }
    }

    @Test
    void oracleClickIsTheMaximumOfTheDistanceTransform() {
        for (Map.Entry<String, Mask> e : TestMasks.all().entrySet()) {
            Mask m = e.getValue();
            Point p = firstForeground((Click) simulate(PromptType.CLICK, m, Quality.ORACLE, 1));
            double[] inside = DistanceTransform.toBackground(m);
            double atClick = inside[(int) p.y() * m.width() + (int) p.x()];
            assertEquals(bruteMaxInsideDistance(m), atClick, 1e-9, e.getKey());
            for (double v : inside) {
                assertTrue(v <= atClick, e.getKey());
            }
        }
    }

    @Test
    void highAndMediumClicksRespectTheirDepthThresholds() {
        for (Map.Entry<String, Mask> e : TestMasks.all().entrySet()) {
            Mask m = e.getValue();
            double[] inside = DistanceTransform.toBackground(m);
            double max = bruteMaxInsideDistance(m);
            for (int seed = 0; seed < 50; seed++) {
                Point high = firstForeground((Click) simulate(PromptType.CLICK, m, Quality.HIGH, seed));
                Point medium = firstForeground((Click) simulate(PromptType.CLICK, m, Quality.MEDIUM, seed));
                assertTrue(inside[(int) high.y() * m.width() + (int) high.x()] >= 0.5 * max, e.getKey());
                assertTrue(inside[(int) medium.y() * m.width() + (int) medium.x()] >= 0.2 * max, e.getKey());
            }
        }
    }

    @Test
    void backgroundClicksLieInTheRingOutsideTheTarget() {
        for (Map.Entry<String, Mask> e : TestMasks.all().entrySet()) {
            Mask m = e.getValue();
            double d = Math.sqrt(m.count());
            double[] outside = DistanceTransform.toForeground(m);
            int withBackground = 0;
            for (int seed = 0; seed < 100; seed++) {
                Click c = (Click) simulate(PromptType.CLICK, m, Quality.MEDIUM, seed);
                assertTrue(c.points().size() <= 2);
                for (ClickPoint p : c.points()) {
                    if (!p.foreground()) {
                        withBackground++;
                        double dist = outside[(int) p.point().y() * m.width() + (int) p.point().x()];
                        assertTrue(dist >= 2 && dist <= Math.max(3, 0.2 * d), e.getKey() + " " + dist);
                    }
                }
            }
            // Probability 0.5 over 100 seeds: outside [25, 75] has probability below 1e-6.
            assertTrue(withBackground >= 25 && withBackground <= 75, e.getKey() + ": " + withBackground);
        }
    }

    @Test
    void oracleBoxEnclosesTheMaskTightly() {
        Map<String, Mask> masks = TestMasks.all();
        masks.put("edge bar", TestMasks.draw((x, y) -> x <= 30 && y >= 100));
        for (Map.Entry<String, Mask> e : masks.entrySet()) {
            Mask m = e.getValue();
            BBox b = (BBox) simulate(PromptType.BBOX, m, Quality.ORACLE, 3);
            int[] tight = m.boundingBox().orElseThrow();
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    if (m.get(y, x)) {
                        assertTrue(x >= b.x0() && x <= b.x1() && y >= b.y0() && y <= b.y1(), e.getKey());
                    }
                }
            }
            assertTrue(Math.abs(b.x0() - tight[0]) <= 1 && Math.abs(b.y0() - tight[1]) <= 1, e.getKey());
            assertTrue(Math.abs(b.x1() - tight[2]) <= 1 && Math.abs(b.y1() - tight[3]) <= 1, e.getKey());
        }
    }

    @Test
    void jitteredBoxSidesStayWithinTheirLevelsShare() {
        Mask m = TestMasks.all().get("ellipse");
        BBox o = (BBox) simulate(PromptType.BBOX, m, Quality.ORACLE, 0);
        Map<Quality, Double> share = Map.of(Quality.HIGH, 0.05, Quality.MEDIUM, 0.10, Quality.LOW, 0.20);
        for (Map.Entry<Quality, Double> e : share.entrySet()) {
            double worst = 0;
            for (int seed = 0; seed < 100; seed++) {
                BBox b = (BBox) simulate(PromptType.BBOX, m, e.getKey(), seed);
                double w = o.x1() - o.x0();
                double h = o.y1() - o.y0();
                worst = Math.max(worst, Math.max(Math.abs(b.x0() - o.x0()) / w, Math.abs(b.x1() - o.x1()) / w));
                worst = Math.max(worst, Math.max(Math.abs(b.y0() - o.y0()) / h, Math.abs(b.y1() - o.y1()) / h));
            }
            assertTrue(worst <= e.getValue() + 1e-12 && worst > 0.8 * e.getValue(), e.getKey() + ": " + worst);
        }
    }

    @Test
    void highDoodlesLieMostlyInsideTheTarget() {
        for (Map.Entry<String, Mask> e : TestMasks.all().entrySet()) {
            int inside = 0;
            int total = 0;
            for (int seed = 0; seed < SEEDS; seed++) {
                for (Point p : foregroundPoints((Doodle) simulate(PromptType.DOODLE, e.getValue(), Quality.HIGH, seed))) {
                    total++;
                    inside += inMask(e.getValue(), p) ? 1 : 0;
                }
            }
            assertTrue(inside >= 0.8 * total, e.getKey() + ": " + inside + " of " + total);
        }
    }

    @Test
    void oracleDoodleFollowsTheSkeletonOfElongatedShapes() {
        Mask bar = TestMasks.all().get("thin bar");
        Doodle d = (Doodle) simulate(PromptType.DOODLE, bar, Quality.ORACLE, 0);
        assertEquals(1, d.strokes().size());
        Stroke s = d.strokes().get(0);
        assertTrue(s.points().size() <= 32);
        double length = Polyline.length(s.points());
        // The bar is 100 pixels long; trimmed thinning spurs cost a few pixels at each end.
        assertTrue(length > 85 && length <= 100, "length " + length);
        for (Point p : s.points()) {
            assertEquals(62, p.y(), 1.0);
        }
        assertEquals(Math.max(1.0, 2.0 * Math.sqrt(bar.count()) / 64), s.width(), 1e-12);
    }

    @Test
    void backgroundStrokesStayOffTheTarget() {
        for (Map.Entry<String, Mask> e : TestMasks.all().entrySet()) {
            Mask m = e.getValue();
            int seen = 0;
            for (int seed = 0; seed < 60; seed++) {
                Doodle d = (Doodle) simulate(PromptType.DOODLE, m, Quality.MEDIUM, seed);
                for (Stroke s : d.strokes()) {
                    if (s.foreground()) {
                        continue;
                    }
                    seen++;
                    Point a = s.points().get(0);
                    Point b = s.points().get(s.points().size() - 1);
                    for (double t = 0; t <= 1.0; t += 0.02) {
                        Point p = new Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
                        assertFalse(inMask(m, p), e.getKey() + " seed " + seed);
                    }
                }
            }
            assertTrue(seen > 10, e.getKey() + ": " + seen);
        }
    }

    @Test
    void segLabLevelsChangeTheMaskByTheirRadius() {
        Mask disc = TestMasks.all().get("disc");
        for (int seed = 0; seed < 20; seed++) {
            Mask high = ((SegLab) simulate(PromptType.SEGLAB, disc, Quality.HIGH, seed)).mask();
            boolean eroded = Morphology.erode(disc, 1).equals(high);
            boolean dilated = Morphology.dilate(disc, 1).equals(high);
            assertTrue(eroded ^ dilated, "seed " + seed);
            assertEquals(disc, ((SegLab) simulate(PromptType.SEGLAB, disc, Quality.ORACLE, seed)).mask());
        }
    }

    @Test
    void erosionThatEmptiesTheMaskFallsBackToTheTarget() {
        Mask speck = TestMasks.draw((x, y) -> x >= 50 && x <= 52 && y >= 50 && y <= 52);
        for (int seed = 0; seed < 40; seed++) {
            for (Quality q : GRADED) {
                SegLab s = (SegLab) simulate(PromptType.SEGLAB, speck, q, seed);
                assertFalse(s.mask().isEmpty());
            }
        }
    }

    @Test
    void errorGrowsFromOracleToHighToMediumToLow() {
        Map<String, Mask> masks = TestMasks.all();
        Map<PromptType, Map<Quality, Double>> pixels = new EnumMap<>(PromptType.class);
        Map<PromptType, Map<Quality, Double>> relative = new EnumMap<>(PromptType.class);
        for (PromptType type : PromptType.values()) {
            Map<Quality, Double> row = new EnumMap<>(Quality.class);
            Map<Quality, Double> rowRelative = new EnumMap<>(Quality.class);
            for (Quality q : Quality.values()) {
                double sum = 0;
                double sumRelative = 0;
                int n = 0;
                for (Mask m : masks.values()) {
                    Prompt oracle = simulate(type, m, Quality.ORACLE, 0);
                    // 1 - IoU has no unit; the pixel measures are also reported as a share of d = sqrt(area).
                    double scale = type == PromptType.SEGLAB ? 1.0 : Math.sqrt(m.count());
                    for (int seed = 0; seed < SEEDS; seed++) {
                        double err = error(simulate(type, m, q, seed), m, oracle);
                        sum += err;
                        sumRelative += err / scale;
                        n++;
                    }
                }
                row.put(q, sum / n);
                rowRelative.put(q, sumRelative / n);
            }
            pixels.put(type, row);
            relative.put(type, rowRelative);
        }
        System.out.println("\nMean distance from the ideal prompt (" + masks.size() + " shapes x " + SEEDS
                + " seeds)\n" + table(pixels) + "\nThe same, pixel measures divided by d = sqrt(target area)\n"
                + table(relative));
        for (PromptType type : PromptType.values()) {
            Map<Quality, Double> row = pixels.get(type);
            assertEquals(0.0, row.get(Quality.ORACLE), 1e-12, type.toString());
            for (int i = 1; i < GRADED.length; i++) {
                assertTrue(row.get(GRADED[i]) > row.get(GRADED[i - 1]), type + " " + GRADED[i] + " vs "
                        + GRADED[i - 1] + ": " + row);
                assertTrue(relative.get(type).get(GRADED[i]) > relative.get(type).get(GRADED[i - 1]),
                        type + " relative " + GRADED[i]);
            }
        }
    }

    private static String table(Map<PromptType, Map<Quality, Double>> values) {
        Map<PromptType, String> measure = Map.of(PromptType.CLICK, "distance to the oracle click",
                PromptType.BBOX, "mean corner distance to the oracle box", PromptType.DOODLE,
                "mean distance of foreground points to the mask", PromptType.SEGLAB, "1 - IoU with the mask");
        StringBuilder out = new StringBuilder("| type | measure | ORACLE | HIGH | MEDIUM | LOW | WRONG |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (PromptType type : PromptType.values()) {
            out.append("| ").append(type).append(" | ").append(measure.get(type)).append(" |");
            for (Quality q : Quality.values()) {
                out.append(String.format(Locale.ROOT, " %.4f |", values.get(type).get(q)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void wrongPromptsLieOffTheTarget() {
        for (Map.Entry<String, Mask> e : TestMasks.all().entrySet()) {
            Mask m = e.getValue();
            Click c = (Click) simulate(PromptType.CLICK, m, Quality.WRONG, 0);
            assertFalse(inMask(m, firstForeground(c)), e.getKey());
            Doodle d = (Doodle) simulate(PromptType.DOODLE, m, Quality.WRONG, 0);
            for (Point p : foregroundPoints(d)) {
                assertFalse(inMask(m, p), e.getKey());
            }
            Mask wrongMask = ((SegLab) simulate(PromptType.SEGLAB, m, Quality.WRONG, 0)).mask();
            assertEquals(0.0, SegmentationMetrics.iou(wrongMask, m), 1e-12, e.getKey());
        }
        Mask corner = TestMasks.cornerDisc();
        BBox oracle = (BBox) simulate(PromptType.BBOX, corner, Quality.ORACLE, 0);
        BBox wrong = (BBox) simulate(PromptType.BBOX, corner, Quality.WRONG, 0);
        assertTrue(boxIou(oracle, wrong) < 0.1, oracle + " vs " + wrong);
        // The farthest background point of a top-left disc is the bottom-right corner pixel.
        Point far = firstForeground((Click) simulate(PromptType.CLICK, corner, Quality.WRONG, 0));
        assertEquals(new Point(TestMasks.SIZE - 1, TestMasks.SIZE - 1), far);
    }

    private static double boxIou(BBox a, BBox b) {
        double iw = Math.max(0, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0()));
        double ih = Math.max(0, Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()));
        double inter = iw * ih;
        double union = (a.x1() - a.x0()) * (a.y1() - a.y0()) + (b.x1() - b.x0()) * (b.y1() - b.y0()) - inter;
        return inter / union;
    }

    @Test
    void sameSeedGivesTheSamePromptAndSeedsDiffer() {
        for (Mask m : TestMasks.all().values()) {
            for (PromptType type : PromptType.values()) {
                for (Quality q : Quality.values()) {
                    Set<Prompt> distinct = new HashSet<>();
                    for (int seed = 0; seed < 6; seed++) {
                        Prompt a = simulate(type, m, q, seed);
                        assertEquals(a, simulate(type, m, q, seed), type + " " + q);
                        distinct.add(a);
                    }
                    boolean deterministic = q == Quality.ORACLE || q == Quality.WRONG;
                    assertEquals(deterministic, distinct.size() == 1, type + " " + q + ": " + distinct.size());
                }
            }
        }
    }

    @Test
    void everyPromptValidatesIncludingOnTinyAndBorderTargets() {
        Map<String, Mask> masks = TestMasks.all();
        masks.put("single pixel", TestMasks.draw((x, y) -> x == 40 && y == 70));
        masks.put("corner pixel", TestMasks.draw((x, y) -> x == 0 && y == 0));
        masks.put("2x2 block", TestMasks.draw((x, y) -> x >= 126 && y >= 126));
        masks.put("edge bar", TestMasks.draw((x, y) -> x <= 30 && y >= 100));
        masks.put("half the image", TestMasks.draw((x, y) -> x < 64));
        masks.put("tiny image", TestMasks.draw(2, 2, (x, y) -> x == 0 && y == 1));
        masks.put("diagonal line", TestMasks.draw(9, 5, (x, y) -> x == y));
        for (Map.Entry<String, Mask> e : masks.entrySet()) {
            Mask m = e.getValue();
            for (PromptType type : PromptType.values()) {
                for (Quality q : Quality.values()) {
                    for (int seed = 0; seed < 25; seed++) {
                        Prompt p = simulate(type, m, q, seed);
                        p.validate(m.height(), m.width());
                        if (p instanceof Doodle d) {
                            assertTrue(d.strokes().stream().allMatch(s -> s.points().size() <= 32));
                        }
                    }
                }
            }
        }
    }

    @Test
    void unusableTargetsAreRejected() {
        SplittableRandom rng = new SplittableRandom(0);
        assertThrows(InvalidInputException.class,
                () -> PromptSimulator.simulate(PromptType.CLICK, Mask.empty(16, 16), Quality.HIGH, rng));
        Mask full = TestMasks.draw(8, 8, (x, y) -> true);
        assertInstanceOf(Click.class, PromptSimulator.simulate(PromptType.CLICK, full, Quality.LOW, rng));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PromptSimulator.simulate(PromptType.BBOX, full, Quality.WRONG, rng));
        assertTrue(e.getMessage().contains("no background"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> PromptSimulator.simulate(PromptType.BBOX, TestMasks.draw(1, 5, (x, y) -> true), Quality.HIGH,
                        rng));
    }
}
