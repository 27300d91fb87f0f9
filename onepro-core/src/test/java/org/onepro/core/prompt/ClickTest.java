package org.onepro.core.prompt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;

class ClickTest {

    @Test
    void foregroundClickInsideValidates() {
        Click click = Click.foreground(31, 0);

        assertEquals(PromptType.CLICK, click.type());
        assertDoesNotThrow(() -> click.validate(32, 32));
    }

    @Test
    void pointOutsideIsNamed() {
        Click click = Click.foreground(40, 12);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> click.validate(32, 32));
        assertTrue(e.getMessage().startsWith("click point (40.0, 12.0) lies outside the 32x32 image"),
                e.getMessage());
    }

    @Test
    void continuousCoordinatesJustPastTheLastPixelCentreAreOutside() {
        assertThrows(InvalidInputException.class, () -> Click.foreground(31.01, 5).validate(32, 32));
        assertThrows(InvalidInputException.class, () -> Click.foreground(5, -0.01).validate(32, 32));
        assertDoesNotThrow(() -> Click.foreground(30.5, 0.5).validate(32, 32));
    }

    @Test
    void onlyBackgroundPointsAreRejected() {
        List<ClickPoint> negatives = List.of(new ClickPoint(new Point(1, 1), false),
                new ClickPoint(new Point(2, 2), false));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Click.of(negatives));
        assertTrue(e.getMessage().contains("a click prompt needs at least one foreground point"), e.getMessage());
        assertEquals(2, Click.foreground(3, 3).withBackground(1, 1).points().size());
        assertThrows(InvalidInputException.class, () -> Click.of(List.of()));
    }

    @Test
    void withAddsAPointWithoutChangingTheOriginal() {
        Click one = Click.foreground(1, 2);
        Click two = one.with(new ClickPoint(new Point(3, 4), false));

        assertEquals(1, one.points().size());
        assertEquals(List.of(new ClickPoint(new Point(1, 2), true), new ClickPoint(new Point(3, 4), false)),
                two.points());
    }

    @Test
    void backgroundPointOutsideIsAlsoRejected() {
        Click click = Click.foreground(1, 1).with(new ClickPoint(new Point(1, 50), false));

        assertThrows(InvalidInputException.class, () -> click.validate(32, 32));
    }

    @Test
    void pointsAreCopied() {
        List<ClickPoint> points = new ArrayList<>(List.of(new ClickPoint(new Point(1, 1), true)));
        Click click = Click.of(points);
        points.add(new ClickPoint(new Point(2, 2), true));

        assertEquals(1, click.points().size());
        assertThrows(UnsupportedOperationException.class,
                () -> click.points().add(new ClickPoint(new Point(0, 0), true)));
    }

    @Test
    void nonFinitePointIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Point(Double.NaN, 3));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new Point(1, Double.NEGATIVE_INFINITY));
    }

    @Test
    void nonPositiveImageSizeIsRejected() {
        assertThrows(InvalidInputException.class, () -> Click.foreground(0, 0).validate(0, 10));
    }
}
