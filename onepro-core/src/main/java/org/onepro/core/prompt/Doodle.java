package org.onepro.core.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.onepro.core.error.InvalidInputException;

/**
 * A doodle prompt: one or more free-hand strokes, at least one of them drawn on the target.
 */
public final class Doodle implements Prompt {

    private final List<Stroke> strokes;

    private Doodle(List<Stroke> strokes) {
        this.strokes = strokes;
    }

    /**
     * Creates a doodle from a copy of the given strokes.
     *
     * @param strokes the strokes, at least one, at least one of them foreground
     * @return the doodle prompt
     * @throws InvalidInputException if the list is empty or has no foreground stroke
     */
    public static Doodle of(List<Stroke> strokes) {
        Objects.requireNonNull(strokes, "strokes");
        List<Stroke> copy = List.copyOf(strokes);
        if (copy.isEmpty()) {
            throw new InvalidInputException("a doodle prompt needs at least one stroke");
        }
        if (copy.stream().noneMatch(Stroke::foreground)) {
            throw new InvalidInputException("a doodle prompt needs at least one foreground stroke, got "
                    + copy.size() + " background stroke(s)");
        }
        return new Doodle(copy);
    }

    /**
     * Returns the strokes in drawing order.
     *
     * @return an unmodifiable list
     */
    public List<Stroke> strokes() {
        return strokes;
    }

    /**
     * Returns a doodle with one more stroke, leaving this one unchanged.
     *
     * @param extra the stroke to add
     * @return a new doodle prompt
     */
    public Doodle with(Stroke extra) {
        Objects.requireNonNull(extra, "extra");
        List<Stroke> more = new ArrayList<>(strokes);
        more.add(extra);
        return new Doodle(List.copyOf(more));
    }

    @Override
    public PromptType type() {
        return PromptType.DOODLE;
    }

    @Override
    public void validate(int height, int width) {
        for (Stroke s : strokes) {
            for (Point p : s.points()) {
                ImageBounds.requireInside(p, height, width, "doodle stroke point");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Doodle other && strokes.equals(other.strokes);
    }

    @Override
    public int hashCode() {
        return strokes.hashCode();
    }

    @Override
    public String toString() {
        return "Doodle[" + strokes.size() + " strokes]";
    }
}
