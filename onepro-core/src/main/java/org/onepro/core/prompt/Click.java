package org.onepro.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;

/**
 * A click prompt: one or more points, at least one of them on the target.
 */
public final class Click implements Prompt {

    private final List<ClickPoint> points;

    private Click(List<ClickPoint> points) {
        this.points = points;
    }

    /**
     * Creates a single positive click.
     *
     * @param x column coordinate
     * @param y row coordinate
     * @return a click prompt with one foreground point
     * @throws InvalidInputException if a coordinate is not finite
     */
    public static Click foreground(double x, double y) {
        return of(List.of(new ClickPoint(new Point(x, y), true)));
    }

    /**
     * Adds a background (negative) click to this prompt.
     *
     * @param x column coordinate
     * @param y row coordinate
     * @return a new prompt with the extra point
     * @throws InvalidInputException if a coordinate is not finite
     */
    public Click withBackground(double x, double y) {
        return with(new ClickPoint(new Point(x, y), false));
    }

    /**
     * Creates a click prompt from a copy of the given points.
     *
     * @param points the clicks, at least one, at least one of them foreground
     * @return the click prompt
     * @throws InvalidInputException if the list is empty or has no foreground point
     */
    public static Click of(List<ClickPoint> points) {
        Objects.requireNonNull(points, "points");
        List<ClickPoint> copy = List.copyOf(points);
        if (copy.isEmpty()) {
            throw new InvalidInputException("a click prompt needs at least one point");
        }
        if (copy.stream().noneMatch(ClickPoint::foreground)) {
            throw new InvalidInputException("a click prompt needs at least one foreground point, got "
                    + copy.size() + " background point(s)");
        }
        return new Click(copy);
    }

    /**
     * Returns the clicks in the order they were given.
     *
     * @return an unmodifiable list
     */
    public List<ClickPoint> points() {
        return points;
    }

    /**
     * Returns a prompt with one more click, leaving this one unchanged.
     *
     * @param extra the click to add
     * @return a new click prompt
     */
    public Click with(ClickPoint extra) {
        Objects.requireNonNull(extra, "extra");
        List<ClickPoint> more = new ArrayList<>(points);
        more.add(extra);
        return new Click(List.copyOf(more));
    }

    @Override
    public PromptType type() {
        return PromptType.CLICK;
    }

    @Override
    public void validate(int height, int width) {
        for (ClickPoint p : points) {
            ImageBounds.requireInside(p.point(), height, width, "click point");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Click other && points.equals(other.points);
    }

    @Override
    public int hashCode() {
        return points.hashCode();
    }

    @Override
    public String toString() {
        return "Click" + points;
    }
}
