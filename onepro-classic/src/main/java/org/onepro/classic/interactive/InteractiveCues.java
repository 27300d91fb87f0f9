package org.onepro.classic.interactive;

import java.util.Arrays;
import java.util.List;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.classic.grid.Gaussian;
import org.onepro.classic.grid.Grid;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptRaster;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;

/**
 * The cues of a prompt on its own image, at a working size (longer side at most {@link #WORKING_SIDE}):
 * foreground seeds (discs around foreground clicks, foreground strokes, the core of a box's ellipse, a mask) and
 * background seeds (background clicks and strokes, the outside of a box, and the image's border frame for the
 * sparse prompts); the prompt's geometry (elliptical coordinate of a box, distance from the nearest foreground
 * seed); geodesic distances from both seed sets; and a pixel classifier fitted to foreground seeds against
 * background (for sparse prompts: pixels far from every foreground seed), whose probabilities say which pixels
 * look like the marked ones. Every feature is relative to the image's size, so one combiner serves every size.
 *
 * @param height   working rows
 * @param width    working columns
 * @param features planes of {@code height * width} values, in the order of {@link #NAMES}
 */
public record InteractiveCues(int height, int width, float[][] features) {

    /** The longest side the cues are computed at. */
    public static final int WORKING_SIDE = 192;

    /** The features' names, in order. */
    public static final List<String> NAMES = List.of("prior", "inside", "geodesic_fg", "geodesic_bg",
            "geodesic_ratio", "classified", "classified_s2", "classified_s6", "appearance", "prompt_area",
            "seed_area");

    /** Pixel classifier settings for cues: a smaller forest than the floor's, as it is fitted once per prompt. */
    private static final PixelClassifier.Settings FOREST = new PixelClassifier.Settings(30, 10, 4000, 8000,
            WORKING_SIDE, 2, 11);

    /**
     * Computes the cues of a prompt on an image.
     *
     * @param image  the image
     * @param prompt the prompt on it
     * @return the cues
     * @throws InvalidInputException if the prompt lies outside the image or marks no foreground
     */
    public static InteractiveCues of(Image image, Prompt prompt) {
        prompt.validate(image.height(), image.width());
        int[] size = Grid.fit(image.height(), image.width(), WORKING_SIDE);
        int h = size[0];
        int w = size[1];
        double sx = w / (double) image.width();
        double sy = h / (double) image.height();
        double side = Math.max(h, w);
        boolean[] fg = new boolean[h * w];
        boolean[] bg = new boolean[h * w];
        float[] prior = new float[h * w];
        float[] inside = new float[h * w];
        double promptArea;
        if (prompt instanceof BBox box) {
            double x0 = (box.x0() + 0.5) * sx - 0.5;
            double x1 = (box.x1() + 0.5) * sx - 0.5;
            double y0 = (box.y0() + 0.5) * sy - 0.5;
            double y1 = (box.y1() + 0.5) * sy - 0.5;
            double cx = 0.5 * (x0 + x1);
            double cy = 0.5 * (y0 + y1);
            double rx = Math.max(0.5, 0.5 * (x1 - x0));
            double ry = Math.max(0.5, 0.5 * (y1 - y0));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    double r = Math.hypot((x - cx) / rx, (y - cy) / ry);
                    prior[i] = (float) Math.max(-2, 1 - r);
                    boolean in = x >= x0 - 0.5 && x <= x1 + 0.5 && y >= y0 - 0.5 && y <= y1 + 0.5;
                    inside[i] = in ? 1 : 0;
                    fg[i] = r <= 0.35;
                    bg[i] = x < x0 - 1.5 || x > x1 + 1.5 || y < y0 - 1.5 || y > y1 + 1.5;
                }
            }
            promptArea = (x1 - x0 + 1) * (y1 - y0 + 1) / (double) (h * w);
        } else if (prompt instanceof SegLab seg) {
            boolean[] m = seg.mask().resizeNearest(h, w).data();
            for (int i = 0; i < m.length; i++) {
                fg[i] = m[i];
                bg[i] = !m[i];
                inside[i] = m[i] ? 1 : 0;
            }
            float[] smooth = Gaussian.smooth(new Grid(inside.clone(), h, w), 0.02 * side).data();
            System.arraycopy(smooth, 0, prior, 0, prior.length);
            promptArea = seg.mask().count() / (double) (seg.mask().height() * seg.mask().width());
        } else {
            List<Stroke> strokes = sparseStrokes(prompt);
            double radius = Math.max(1.5, 0.01 * side);
            mark(fg, strokes, true, h, w, sx, sy, radius);
            mark(bg, strokes, false, h, w, sx, sy, radius);
            frame(bg, h, w);
            promptArea = boxFraction(strokes, image.height(), image.width());
        }
        if (!any(fg)) {
            throw new InvalidInputException("the " + prompt.type() + " prompt marks no foreground pixel");
        }
        Grid grey = Grid.grey(image).normalised(0.5, 99.5).resize(h, w);
        float[] dFg = GeodesicDistance.from(grey, fg);
        float[] dBg = GeodesicDistance.from(grey, bg);
        float[] euclid = euclideanFrom(fg, h, w);
        if (!(prompt instanceof BBox) && !(prompt instanceof SegLab)) {
            for (int i = 0; i < prior.length; i++) {
                prior[i] = (float) Math.max(-4, -euclid[i] / (0.25 * side));
            }
        }
        float[] gFg = new float[h * w];
        float[] gBg = new float[h * w];
        float[] ratio = new float[h * w];
        for (int i = 0; i < gFg.length; i++) {
            gFg[i] = (float) Math.min(4, dFg[i] / side);
            gBg[i] = (float) Math.min(4, dBg[i] / side);
            ratio[i] = gFg[i] / (gFg[i] + gBg[i] + 1e-6f);
        }
        Grid classified = classify(image, h, w, fg, bg, euclid, side, prompt);
        float[] appearance = appearance(grey, fg);
        float seedArea = count(fg) / (float) (h * w);
        float[][] planes = {prior, inside, gFg, gBg, ratio, classified.data(),
            Gaussian.smooth(classified, 0.02 * side).data(), Gaussian.smooth(classified, 0.06 * side).data(),
            appearance, constant(h * w, promptArea), constant(h * w, seedArea)};
        return new InteractiveCues(h, w, planes);
    }

    /** Clicks as one-point strokes and doodles as they are, for seed drawing. */
    private static List<Stroke> sparseStrokes(Prompt prompt) {
        if (prompt instanceof Click c) {
            return c.points().stream().map(InteractiveCues::dot).toList();
        }
        return ((Doodle) prompt).strokes();
    }

    private static Stroke dot(ClickPoint p) {
        return new Stroke(List.of(p.point(), p.point()), 1, p.foreground());
    }

    /** Seeds of one polarity: every stroke point and segment widened to {@code radius} working pixels. */
    private static void mark(boolean[] seeds, List<Stroke> strokes, boolean foreground, int h, int w, double sx,
            double sy, double radius) {
        List<Stroke> scaled = strokes.stream().map(s -> new Stroke(s.points(), 2 * radius / sx, s.foreground()))
                .toList();
        float[] r = PromptRaster.strokes(h, w, scaled, foreground, sx, 0.5 * sx - 0.5, 0.5 * sy - 0.5);
        for (Stroke s : strokes) {
            if (s.foreground() != foreground) {
                continue;
            }
            for (var p : s.points()) {
                double px = (p.x() + 0.5) * sx - 0.5;
                double py = (p.y() + 0.5) * sy - 0.5;
                int r0 = (int) Math.ceil(radius);
                for (int y = (int) Math.floor(py) - r0; y <= (int) Math.ceil(py) + r0; y++) {
                    for (int x = (int) Math.floor(px) - r0; x <= (int) Math.ceil(px) + r0; x++) {
                        if (y >= 0 && y < h && x >= 0 && x < w && Math.hypot(x - px, y - py) <= radius) {
                            r[y * w + x] = 1;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < r.length; i++) {
            seeds[i] |= r[i] > 0;
        }
    }

    private static void frame(boolean[] bg, int h, int w) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y < 2 || x < 2 || y >= h - 2 || x >= w - 2) {
                    bg[y * w + x] = true;
                }
            }
        }
    }

    private static double boxFraction(List<Stroke> strokes, int h, int w) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (Stroke s : strokes) {
            if (!s.foreground()) {
                continue;
            }
            for (var p : s.points()) {
                x0 = Math.min(x0, p.x());
                y0 = Math.min(y0, p.y());
                x1 = Math.max(x1, p.x());
                y1 = Math.max(y1, p.y());
            }
        }
        return x1 < x0 ? 0 : (x1 - x0 + 1) * (y1 - y0 + 1) / (double) (h * w);
    }

    /**
     * The classifier's probabilities at the working size: fitted to the foreground seeds against the background
     * seeds, and for sparse prompts also against the pixels farther than a quarter of the image from every
     * foreground seed.
     */
    private static Grid classify(Image image, int h, int w, boolean[] fg, boolean[] bg, float[] euclid, double side,
            Prompt prompt) {
        boolean sparse = !(prompt instanceof BBox) && !(prompt instanceof SegLab);
        int[] labels = new int[h * w];
        boolean[] usable = new boolean[h * w];
        for (int i = 0; i < labels.length; i++) {
            boolean negative = bg[i] || (sparse && euclid[i] > 0.25 * side);
            if (fg[i]) {
                labels[i] = 1;
                usable[i] = true;
            } else if (negative) {
                usable[i] = true;
            }
        }
        Image work = resize(image, h, w);
        boolean[] target = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            target[i] = labels[i] == 1;
        }
        if (!any(usable, target, false)) {
            return new Grid(constant(h * w, 0.5), h, w);
        }
        try (PixelClassifier c = PixelClassifier.fit(List.of(work), List.of(Mask.of(target, h, w)),
                List.of(usable), FOREST)) {
            return new Grid(c.predict(work).data(), h, w);
        }
    }

    /** Whether some usable pixel has {@code target[i] == value}. */
    private static boolean any(boolean[] usable, boolean[] target, boolean value) {
        for (int i = 0; i < usable.length; i++) {
            if (usable[i] && target[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static Image resize(Image image, int h, int w) {
        if (image.height() == h && image.width() == w) {
            return image;
        }
        float[] out = new float[image.channels() * h * w];
        for (int c = 0; c < image.channels(); c++) {
            System.arraycopy(Grid.channel(image, c).resize(h, w).data(), 0, out, c * h * w, h * w);
        }
        return Image.of(out, image.channels(), h, w);
    }

    /** How far each pixel's smoothed grey level lies from the foreground seeds' mean, in image standard deviations. */
    private static float[] appearance(Grid grey, boolean[] fg) {
        float[] g = Gaussian.smooth(grey, 1.0).data();
        double mean = 0;
        double n = 0;
        double all = 0;
        double all2 = 0;
        for (int i = 0; i < g.length; i++) {
            all += g[i];
            all2 += g[i] * g[i];
            if (fg[i]) {
                mean += g[i];
                n++;
            }
        }
        mean /= n;
        double sd = Math.sqrt(Math.max(1e-6, all2 / g.length - (all / g.length) * (all / g.length)));
        float[] out = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (float) (Math.abs(g[i] - mean) / sd);
        }
        return out;
    }

    /** Euclidean distance to the nearest set pixel (two-pass chamfer, 3-4 weights scaled to pixels). */
    private static float[] euclideanFrom(boolean[] seeds, int h, int w) {
        float[] d = new float[h * w];
        float big = 1e9f;
        for (int i = 0; i < d.length; i++) {
            d[i] = seeds[i] ? 0 : big;
        }
        float a = 1f;
        float b = 1.4142135f;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (x > 0) {
                    d[i] = Math.min(d[i], d[i - 1] + a);
                }
                if (y > 0) {
                    d[i] = Math.min(d[i], d[i - w] + a);
                    if (x > 0) {
                        d[i] = Math.min(d[i], d[i - w - 1] + b);
                    }
                    if (x < w - 1) {
                        d[i] = Math.min(d[i], d[i - w + 1] + b);
                    }
                }
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                if (x < w - 1) {
                    d[i] = Math.min(d[i], d[i + 1] + a);
                }
                if (y < h - 1) {
                    d[i] = Math.min(d[i], d[i + w] + a);
                    if (x < w - 1) {
                        d[i] = Math.min(d[i], d[i + w + 1] + b);
                    }
                    if (x > 0) {
                        d[i] = Math.min(d[i], d[i + w - 1] + b);
                    }
                }
            }
        }
        return d;
    }

    private static boolean any(boolean[] v) {
        for (boolean b : v) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static int count(boolean[] v) {
        int n = 0;
        for (boolean b : v) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static float[] constant(int n, double v) {
        float[] out = new float[n];
        Arrays.fill(out, (float) v);
        return out;
    }
}
