package org.onepro.data.prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Stroke;

/**
 * Simulated doodle prompts: a foreground stroke along the target's centre line (see {@link #centreLine}); ORACLE
 * draws it exactly, HIGH jitters every vertex by Gaussian noise of std {@code 0.03 d}, MEDIUM keeps a random 70 %
 * stretch of it and jitters by {@code 0.07 d}, LOW keeps 50 % and jitters by {@code 0.15 d}. The brush is
 * {@code max(1, 2 d / 64)} pixels wide. HIGH, MEDIUM and LOW add a background stroke just outside the target with
 * probability 0.5. WRONG is the ORACLE doodle of the pseudo-target on the far background.
 */
final class DoodleSimulator {

    /** At most this many vertices per stroke, like a hand-drawn polyline rather than a pixel chain. */
    static final int MAX_POINTS = 32;
    private static final double BACKGROUND_STROKE_PROBABILITY = 0.5;
    /** A background stroke is at most this fraction of {@code d} long (and at least 2 pixels). */
    private static final double BACKGROUND_STROKE_LENGTH = 0.25;
    /** Step, in pixels, at which a background stroke is checked for staying off the target. */
    private static final double PROBE_STEP = 0.5;

    private DoodleSimulator() {
    }

    /**
     * Simulates one doodle prompt.
     *
     * @param target  the target
     * @param quality the quality level
     * @param rng     the generator for every random choice
     * @return the doodle prompt
     */
    static Doodle simulate(TargetShape target, Quality quality, SplittableRandom rng) {
        if (quality == Quality.WRONG) {
            TargetShape pseudo = TargetShape.of(Background.pseudoTarget(target));
            return Doodle.of(List.of(new Stroke(centreLine(pseudo), brushWidth(pseudo), true)));
        }
        List<Point> line = centreLine(target);
        double width = brushWidth(target);
        List<Point> drawn = switch (quality) {
            case HIGH -> sloppy(target, line, 1.0, 0.03, rng);
            case MEDIUM -> sloppy(target, line, 0.7, 0.07, rng);
            case LOW -> sloppy(target, line, 0.5, 0.15, rng);
            default -> line;
        };
        Doodle doodle = Doodle.of(List.of(new Stroke(drawn, width, true)));
        if (quality != Quality.ORACLE && rng.nextDouble() < BACKGROUND_STROKE_PROBABILITY) {
            Optional<Stroke> outside = backgroundStroke(target, width, rng);
            if (outside.isPresent()) {
                doodle = doodle.with(outside.get());
            }
        }
        return doodle;
    }

    /**
     * The ideal stroke: the longest path through the target's Zhang–Suen skeleton, trimmed at each end while the end
     * pixel's inside distance is below half the path's median inside distance (thinning leaves spurs into convex
     * corners that a person would not draw), then simplified to at most 32 vertices. When that path is missing or
     * shorter than the radius {@code r} of the largest inscribed disc (compact blobs, whose skeleton is a dot), the
     * stroke is instead a segment of length {@code max(1, r)} through the oracle click point along the target's
     * principal axis, which stays inside that disc.
     *
     * @param target the target
     * @return at least 2 vertices spanning a positive length, all pixel positions inside the image
     */
    static List<Point> centreLine(TargetShape target) {
        List<Point> path = new ArrayList<>(Skeleton.longestPath(target.mask()));
        trim(target, path);
        if (path.size() >= 2 && Polyline.length(path) >= target.maxInsideDistance()) {
            return Polyline.simplify(path, MAX_POINTS);
        }
        return axisSegment(target);
    }

    /**
     * The brush width.
     *
     * @param target the target
     * @return {@code max(1, 2 d / 64)} pixels
     */
    static double brushWidth(TargetShape target) {
        return Math.max(1.0, 2.0 * target.size() / 64.0);
    }

    private static void trim(TargetShape target, List<Point> path) {
        if (path.size() <= 2) {
            return;
        }
        double[] depth = new double[path.size()];
        for (int i = 0; i < depth.length; i++) {
            depth[i] = depthAt(target, path.get(i));
        }
        double[] sorted = depth.clone();
        Arrays.sort(sorted);
        double limit = 0.5 * sorted[sorted.length / 2];
        int first = 0;
        int last = depth.length - 1;
        while (last - first > 1 && depth[first] < limit) {
            first++;
        }
        while (last - first > 1 && depth[last] < limit) {
            last--;
        }
        List<Point> kept = new ArrayList<>(path.subList(first, last + 1));
        path.clear();
        path.addAll(kept);
    }

    private static double depthAt(TargetShape target, Point p) {
        return target.insideDistance()[(int) p.y() * target.width() + (int) p.x()];
    }

    private static List<Point> axisSegment(TargetShape target) {
        double[] axis = principalAxis(target);
        Point c = target.oraclePoint();
        double half = Math.max(0.5, 0.5 * target.maxInsideDistance());
        // The two ends lie on opposite sides of an in-image point, so clamping cannot fold them together.
        return List.of(target.clamp(c.x() - half * axis[0], c.y() - half * axis[1]),
                target.clamp(c.x() + half * axis[0], c.y() + half * axis[1]));
    }

    /** Unit direction of the largest second moment of the target's pixel positions. */
    private static double[] principalAxis(TargetShape target) {
        int w = target.width();
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < w * target.height(); i++) {
            if (target.contains(i)) {
                sx += i % w;
                sy += i / w;
                n++;
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double cxx = 0;
        double cyy = 0;
        double cxy = 0;
        for (int i = 0; i < w * target.height(); i++) {
            if (target.contains(i)) {
                double dx = i % w - mx;
                double dy = i / w - my;
                cxx += dx * dx;
                cyy += dy * dy;
                cxy += dx * dy;
            }
        }
        double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
        return new double[] {Math.cos(angle), Math.sin(angle)};
    }

    /** A random {@code keep} share of the line (by arc length), each vertex jittered and clamped into the image. */
    private static List<Point> sloppy(TargetShape target, List<Point> line, double keep, double jitter,
            SplittableRandom rng) {
        List<Point> part = line;
        if (keep < 1.0) {
            double length = Polyline.length(line);
            double start = Randoms.uniform(rng, 0, (1 - keep) * length);
            part = Polyline.stretch(line, start, start + keep * length);
        }
        double sigma = jitter * target.size();
        List<Point> out = new ArrayList<>(part.size());
        for (Point p : part) {
            out.add(target.clamp(p.x() + sigma * Randoms.gaussian(rng), p.y() + sigma * Randoms.gaussian(rng)));
        }
        // Clamping a short stroke against a corner can collapse it; the unjittered stretch is always a valid stroke.
        return Polyline.length(out) > 0 ? out : part;
    }

    /**
     * A straight background stroke through a random ring pixel, along the target's outline there (perpendicular to
     * the gradient of the distance to the target), up to {@code max(2, 0.25 d)} long and cut where it would reach
     * within one pixel of the target or leave the image.
     */
    private static Optional<Stroke> backgroundStroke(TargetShape target, double width, SplittableRandom rng) {
        int[] ring = Background.ring(target);
        if (ring.length == 0) {
            return Optional.empty();
        }
        int index = Randoms.pick(rng, ring);
        Point p = target.centre(index);
        double[] tangent = tangent(target, index, rng);
        double half = 0.5 * Math.max(2.0, BACKGROUND_STROKE_LENGTH * target.size());
        double forward = reach(target, p, tangent[0], tangent[1], half);
        double backward = reach(target, p, -tangent[0], -tangent[1], half);
        if (forward + backward <= 0) {
            return Optional.empty();
        }
        Point a = new Point(p.x() - backward * tangent[0], p.y() - backward * tangent[1]);
        Point b = new Point(p.x() + forward * tangent[0], p.y() + forward * tangent[1]);
        return Optional.of(new Stroke(List.of(a, b), width, false));
    }

    private static double[] tangent(TargetShape target, int index, SplittableRandom rng) {
        int w = target.width();
        int h = target.height();
        int x = index % w;
        int y = index / w;
        double[] dist = target.outsideDistance();
        double gx = dist[y * w + Math.min(w - 1, x + 1)] - dist[y * w + Math.max(0, x - 1)];
        double gy = dist[Math.min(h - 1, y + 1) * w + x] - dist[Math.max(0, y - 1) * w + x];
        double norm = Math.hypot(gx, gy);
        if (norm < 1e-9) {
            // On a ridge of the distance map there is no outline direction; any direction is as good.
            double angle = Randoms.uniform(rng, 0, 2 * Math.PI);
            return new double[] {Math.cos(angle), Math.sin(angle)};
        }
        return new double[] {-gy / norm, gx / norm};
    }

    /** How far from {@code p} the stroke may run in direction {@code (ux, uy)}, in steps of half a pixel. */
    private static double reach(TargetShape target, Point p, double ux, double uy, double max) {
        double[] dist = target.outsideDistance();
        double ok = 0;
        for (double t = PROBE_STEP; t <= max + 1e-9; t += PROBE_STEP) {
            double x = p.x() + t * ux;
            double y = p.y() + t * uy;
            if (x < 0 || x > target.width() - 1 || y < 0 || y > target.height() - 1) {
                break;
            }
            int pixel = (int) Math.round(y) * target.width() + (int) Math.round(x);
            if (dist[pixel] < 1.0 + 1e-9) {
                break;
            }
            ok = t;
        }
        return ok;
    }
}
