package org.onepro.classic.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;

class BoxFillTest {

    @Test
    void fillsTheInscribedEllipseAndLeavesTheCorners() {
        Mask m = BoxFill.ellipse(new BBox(10, 20, 70, 60), 80, 100);
        assertEquals(80, m.height());
        assertTrue(m.get(40, 40), "centre");
        assertFalse(m.get(21, 11), "corner of the box");
        assertFalse(m.get(5, 5), "outside the box");
        double area = Math.PI * 30 * 20;
        assertEquals(area, m.count(), 0.03 * area);
    }

    @Test
    void aBoxDrawnToTheBorderReachesTheBorderPixels() {
        // An edge-touching target's box is clamped to the border pixels' centres (0 and size - 1).
        Mask whole = BoxFill.ellipse(new BBox(0, 0, 99, 79), 80, 100);
        assertTrue(whole.get(0, 50) && whole.get(79, 50) && whole.get(40, 0) && whole.get(40, 99),
                "the midpoints of all four border rows and columns");
        Mask corner = BoxFill.ellipse(new BBox(0, 0, 0.5, 0.5), 80, 100);
        assertTrue(corner.get(0, 0), "a box around the corner pixel marks it");
    }

    @Test
    void aBoxOutsideTheImageIsRefused() {
        assertThrows(InvalidInputException.class, () -> BoxFill.ellipse(new BBox(10, 10, 200, 20), 50, 50));
    }
}
