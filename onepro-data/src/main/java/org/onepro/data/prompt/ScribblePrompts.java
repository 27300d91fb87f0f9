package org.onepro.data.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Stroke;
import org.onepro.data.dataset.LabelMap;

/**
 * Turns human scribble maps ({@code 0} none, {@code 1} foreground, {@code 2} background) into doodle prompts: every
 * 8-connected scribble component becomes one stroke that follows the component's skeleton, so a painted brush mark
 * comes back as the pen path that drew it.
 */
public final class ScribblePrompts {

    private static final int NONE = 0;
    private static final int FOREGROUND = 1;
    private static final int BACKGROUND = 2;

    private ScribblePrompts() {
    }

    /**
     * Converts a scribble map. Each component's stroke is the longest path through its Zhang–Suen skeleton,
     * simplified to at most 32 vertices, with width {@code max(1, area / path length)}; a component too small to
     * have a skeleton path (a dot or a tiny blob) becomes a segment across its extent along its principal axis, at
     * least 1 pixel long. Foreground strokes come first, then background strokes, each in the row-major order of
     * their components' first pixels.
     *
     * @param scribbles the scribble map
     * @return the doodle, or empty when there is no foreground scribble
     * @throws InvalidInputException if a pixel holds a value other than 0, 1 or 2
     */
    public static Optional<Doodle> fromScribbles(LabelMap scribbles) {
        Objects.requireNonNull(scribbles, "scribbles");
        int h = scribbles.height();
        int w = scribbles.width();
        int[] values = scribbles.data();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != NONE && values[i] != FOREGROUND && values[i] != BACKGROUND) {
                throw new InvalidInputException("scribble value " + values[i] + " at pixel (" + (i % w) + ", "
                        + (i / w) + ") is none of 0 (no scribble), 1 (foreground) or 2 (background)");
            }
        }
        List<Stroke> foreground = strokes(values, h, w, FOREGROUND);
        if (foreground.isEmpty()) {
            return Optional.empty();
        }
        List<Stroke> all = new ArrayList<>(foreground);
        all.addAll(strokes(values, h, w, BACKGROUND));
        return Optional.of(Doodle.of(all));
    }

    private static List<Stroke> strokes(int[] values, int h, int w, int label) {
        boolean[] on = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            on[i] = values[i] == label;
        }
        List<Stroke> out = new ArrayList<>();
        for (int[] component : ConnectedComponents.of(on, h, w)) {
            stroke(component, h, w, label == FOREGROUND).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Stroke> stroke(int[] component, int h, int w, boolean foreground) {
        boolean[] pixels = new boolean[h * w];
        for (int i : component) {
            pixels[i] = true;
        }
        List<Point> path = Skeleton.longestPath(Mask.of(pixels, h, w));
        if (path.size() < 2) {
            path = extent(component, h, w);
        }
        double length = Polyline.length(path);
        if (length <= 0) {
            // Only a single pixel on a 1x1 image gets here: there is no room for a stroke of positive length.
            return Optional.empty();
        }
        double width = Math.max(1.0, component.length / length);
        return Optional.of(new Stroke(Polyline.simplify(path, DoodleSimulator.MAX_POINTS), width, foreground));
    }

    /**
     * A segment through the component's centroid along its principal axis, from its lowest to its highest pixel
     * projection, lengthened to 1 pixel when shorter and clamped into the image.
     */
    private static List<Point> extent(int[] component, int h, int w) {
        double mx = 0;
        double my = 0;
        for (int i : component) {
            mx += i % w;
            my += i / w;
        }
        mx /= component.length;
        my /= component.length;
        double cxx = 0;
        double cyy = 0;
        double cxy = 0;
        for (int i : component) {
            double dx = i % w - mx;
            double dy = i / w - my;
            cxx += dx * dx;
            cyy += dy * dy;
            cxy += dx * dy;
        }
        double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        double lo = 0;
        double hi = 0;
        for (int i : component) {
            double t = (i % w - mx) * ux + (i / w - my) * uy;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        if (hi - lo < 1.0) {
            double mid = 0.5 * (lo + hi);
            lo = mid - 0.5;
            hi = mid + 0.5;
        }
        Point a = clamp(mx + lo * ux, my + lo * uy, h, w);
        Point b = clamp(mx + hi * ux, my + hi * uy, h, w);
        if (Polyline.distance(a, b) == 0) {
            // In a one-pixel-wide image the axis can point out of the image; the perpendicular then has room.
            a = clamp(mx - lo * uy, my + lo * ux, h, w);
            b = clamp(mx - hi * uy, my + hi * ux, h, w);
        }
        return List.of(a, b);
    }

    private static Point clamp(double x, double y, int h, int w) {
        return new Point(Math.max(0, Math.min(w - 1, x)), Math.max(0, Math.min(h - 1, y)));
    }
}
