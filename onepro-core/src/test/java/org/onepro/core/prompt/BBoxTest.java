package org.onepro.core.prompt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;

class BBoxTest {

    @Test
    void cornersAreExposedAsPoints() {
        BBox box = new BBox(1, 2, 10, 20);

        assertEquals(new Point(1, 2), box.topLeft());
        assertEquals(new Point(10, 20), box.bottomRight());
        assertEquals(PromptType.BBOX, box.type());
        assertDoesNotThrow(() -> box.validate(21, 11));
    }

    @Test
    void invertedBoxIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new BBox(10, 2, 5, 20));
        assertTrue(e.getMessage().startsWith("inverted box (10.0, 2.0) - (5.0, 20.0)"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new BBox(1, 20, 5, 2));
    }

    @Test
    void degenerateBoxIsRejected() {
        assertThrows(InvalidInputException.class, () -> new BBox(3, 3, 3, 9));
        assertThrows(InvalidInputException.class, () -> new BBox(3, 3, 9, 3));
    }

    @Test
    void nonFiniteCornerIsRejected() {
        assertThrows(InvalidInputException.class, () -> new BBox(0, 0, Double.POSITIVE_INFINITY, 5));
        assertThrows(InvalidInputException.class, () -> new BBox(Double.NaN, 0, 4, 5));
    }

    @Test
    void cornerOutsideTheImageIsNamed() {
        BBox box = new BBox(2, 2, 35, 10);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> box.validate(32, 32));
        assertTrue(e.getMessage().contains("box corner (35.0, 10.0) lies outside the 32x32 image"), e.getMessage());
    }
}
