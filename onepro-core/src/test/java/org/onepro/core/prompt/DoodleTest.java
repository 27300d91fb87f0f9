package org.onepro.core.prompt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;

class DoodleTest {

    private static Stroke line(double x0, double y0, double x1, double y1, boolean foreground) {
        return new Stroke(List.of(new Point(x0, y0), new Point(x1, y1)), 2.0, foreground);
    }

    @Test
    void doodleInsideValidates() {
        Doodle doodle = Doodle.of(List.of(line(0, 0, 10, 10, true), line(5, 0, 5, 9, false)));

        assertEquals(PromptType.DOODLE, doodle.type());
        assertDoesNotThrow(() -> doodle.validate(11, 11));
    }

    @Test
    void strokePointOutsideIsNamed() {
        Doodle doodle = Doodle.of(List.of(line(0, 0, 10, 40, true)));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> doodle.validate(32, 32));
        assertTrue(e.getMessage().contains("(10.0, 40.0) lies outside the 32x32 image"), e.getMessage());
    }

    @Test
    void zeroLengthStrokeIsRejected() {
        List<Point> same = List.of(new Point(4, 4), new Point(4, 4), new Point(4, 4));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Stroke(same, 1.0, true));
        assertTrue(e.getMessage().startsWith("zero-length stroke"), e.getMessage());
    }

    @Test
    void strokeNeedsTwoPointsAndPositiveWidth() {
        assertThrows(InvalidInputException.class, () -> new Stroke(List.of(new Point(1, 1)), 1.0, true));
        List<Point> pts = List.of(new Point(1, 1), new Point(2, 2));
        assertThrows(InvalidInputException.class, () -> new Stroke(pts, 0.0, true));
        assertThrows(InvalidInputException.class, () -> new Stroke(pts, Double.NaN, true));
    }

    @Test
    void strokePointsAreCopiedImmutably() {
        List<Point> pts = new ArrayList<>(List.of(new Point(1, 1), new Point(2, 2)));
        Stroke stroke = new Stroke(pts, 1.0, true);
        pts.add(new Point(9, 9));

        assertEquals(2, stroke.points().size());
        assertThrows(UnsupportedOperationException.class, () -> stroke.points().add(new Point(0, 0)));
    }

    @Test
    void onlyBackgroundStrokesAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Doodle.of(List.of(line(0, 0, 3, 3, false))));
        assertTrue(e.getMessage().contains("at least one foreground stroke"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Doodle.of(List.of()));
    }

    @Test
    void withAddsAStroke() {
        Doodle one = Doodle.of(List.of(line(0, 0, 3, 3, true)));
        Doodle two = one.with(line(1, 0, 1, 3, false));

        assertEquals(1, one.strokes().size());
        assertEquals(2, two.strokes().size());
        assertEquals(line(1, 0, 1, 3, false), two.strokes().get(1));
    }
}
