package org.onepro.train.adapt;

import java.util.List;
import org.onepro.classic.box.BoxFill;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;

/**
 * What a prompt says about its own image's pixels: {@link #TARGET}, {@link #BACKGROUND} or {@link #UNKNOWN} per
 * pixel, and a soft map of where the target is (the prior). A mask says everything; a box makes the core of its
 * ellipse target and its outside background; clicks and strokes make discs of 2 % of the image side target or
 * background, and the image's border and everything farther than a quarter of the side from every target seed
 * background.
 *
 * @param labels per pixel {@link #TARGET}, {@link #BACKGROUND} or {@link #UNKNOWN}, row-major
 * @param prior  where the prompt puts the target, 0 to 1
 * @param height rows
 * @param width  columns
 */
record PromptSeeds(int[] labels, float[] prior, int height, int width) {

    static final int UNKNOWN = 0;
    static final int TARGET = 1;
    static final int BACKGROUND = 2;

    static PromptSeeds of(Prompt prompt, int h, int w) {
        prompt.validate(h, w);
        int[] labels = new int[h * w];
        float[] prior = new float[h * w];
        double side = Math.max(h, w);
        if (prompt instanceof SegLab s) {
            boolean[] m = s.mask().data();
            for (int i = 0; i < m.length; i++) {
                labels[i] = m[i] ? TARGET : BACKGROUND;
                prior[i] = m[i] ? 1 : 0;
            }
        } else if (prompt instanceof BBox box) {
            double cx = 0.5 * (box.x0() + box.x1());
            double cy = 0.5 * (box.y0() + box.y1());
            double rx = Math.max(0.5, 0.5 * (box.x1() - box.x0()));
            double ry = Math.max(0.5, 0.5 * (box.y1() - box.y0()));
            boolean[] ellipse = BoxFill.ellipse(box, h, w).data();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    prior[i] = ellipse[i] ? 1 : 0;
                    boolean outside = x < box.x0() - 1 || x > box.x1() + 1 || y < box.y0() - 1 || y > box.y1() + 1;
                    labels[i] = Math.hypot((x - cx) / rx, (y - cy) / ry) <= 0.35 ? TARGET
                            : outside ? BACKGROUND : UNKNOWN;
                }
            }
        } else {
            List<Stroke> strokes = prompt instanceof Click c ? c.points().stream().map(PromptSeeds::dot).toList()
                    : ((Doodle) prompt).strokes();
            double radius = Math.max(1.5, 0.02 * side);
            double far = 0.25 * side;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    double fg = distance(strokes, true, x, y);
                    double bg = distance(strokes, false, x, y);
                    prior[i] = (float) Math.exp(-0.5 * (fg / (0.05 * side)) * (fg / (0.05 * side)));
                    boolean border = x < 2 || y < 2 || x >= w - 2 || y >= h - 2;
                    labels[i] = fg <= radius ? TARGET : bg <= radius || border || fg > far ? BACKGROUND : UNKNOWN;
                }
            }
        }
        boolean any = false;
        for (int l : labels) {
            any |= l == TARGET;
        }
        if (!any) {
            throw new InvalidInputException("the " + prompt.type() + " prompt marks no target pixel");
        }
        return new PromptSeeds(labels, prior, h, w);
    }

    Mask target() {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = labels[i] == TARGET;
        }
        return Mask.of(m, height, width);
    }

    boolean[] labelled() {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = labels[i] != UNKNOWN;
        }
        return m;
    }

    private static Stroke dot(ClickPoint p) {
        return new Stroke(List.of(p.point(), p.point()), 1, p.foreground());
    }

    /** Distance from {@code (x, y)} to the nearest stroke segment of one polarity; infinite when there is none. */
    private static double distance(List<Stroke> strokes, boolean foreground, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (Stroke s : strokes) {
            if (s.foreground() != foreground) {
                continue;
            }
            List<Point> pts = s.points();
            for (int k = 0; k < pts.size(); k++) {
                Point a = pts.get(k);
                Point b = pts.get(Math.min(k + 1, pts.size() - 1));
                best = Math.min(best, segment(a, b, x, y));
            }
        }
        return best;
    }

    private static double segment(Point a, Point b, double x, double y) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / len2));
        return Math.hypot(x - (a.x() + t * dx), y - (a.y() + t * dy));
    }
}
