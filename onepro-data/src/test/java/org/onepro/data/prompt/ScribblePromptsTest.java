package org.onepro.data.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Stroke;
import org.onepro.data.dataset.LabelMap;

class ScribblePromptsTest {

    private static final int H = 60;
    private static final int W = 80;

    /** A foreground brush stroke 3 px tall in every column along y = 20 + 0.25 (x - 10), a foreground dot, a background arc. */
    private static int[] drawing() {
        int[] v = new int[H * W];
        for (int x = 10; x <= 60; x++) {
            long cy = Math.round(20 + 0.25 * (x - 10));
            for (int y = 0; y < H; y++) {
                if (Math.abs(y - cy) <= 1) {
                    v[y * W + x] = 1;
                }
            }
        }
        v[50 * W + 70] = 1;
        for (int a = 0; a <= 90; a += 2) {
            int x = (int) Math.round(40 + 15 * Math.cos(Math.toRadians(a)));
            int y = (int) Math.round(40 + 15 * Math.sin(Math.toRadians(a)));
            v[y * W + x] = 2;
        }
        return v;
    }

    @Test
    void eachScribbleComponentBecomesOneStroke() {
        Doodle d = ScribblePrompts.fromScribbles(LabelMap.of(drawing(), H, W)).orElseThrow();
        d.validate(H, W);
        List<Stroke> strokes = d.strokes();
        assertEquals(3, strokes.size());
        assertTrue(strokes.get(0).foreground() && strokes.get(1).foreground() && !strokes.get(2).foreground());

        Stroke line = strokes.get(0);
        assertTrue(line.points().size() <= 32);
        for (Point p : line.points()) {
            assertEquals(20 + 0.25 * (p.x() - 10), p.y(), 1.5, "off the drawn line: " + p);
        }
        double span = Math.abs(line.points().get(line.points().size() - 1).x() - line.points().get(0).x());
        assertTrue(span > 44 && span <= 50, "span " + span);
        // Three pixels per column of a nearly horizontal line: area / length is about 3.
        assertEquals(3.0, line.width(), 0.4);

        Stroke dot = strokes.get(1);
        assertEquals(1.0, Polyline.length(dot.points()), 1e-9);
        assertEquals(1.0, dot.width(), 1e-12);
        assertEquals(70, dot.points().get(0).x(), 0.5 + 1e-9);
        assertEquals(50, dot.points().get(0).y(), 0.5 + 1e-9);

        Stroke arc = strokes.get(2);
        for (Point p : arc.points()) {
            assertEquals(15.0, Math.hypot(p.x() - 40, p.y() - 40), 1.0, "off the drawn arc: " + p);
        }
        assertTrue(Polyline.length(arc.points()) > 18, "arc length " + Polyline.length(arc.points()));
    }

    @Test
    void noForegroundScribbleGivesNoDoodle() {
        assertEquals(Optional.empty(), ScribblePrompts.fromScribbles(LabelMap.of(new int[H * W], H, W)));
        int[] background = drawing();
        for (int i = 0; i < background.length; i++) {
            if (background[i] == 1) {
                background[i] = 0;
            }
        }
        assertFalse(ScribblePrompts.fromScribbles(LabelMap.of(background, H, W)).isPresent());
    }

    @Test
    void unknownScribbleValuesAreRejected() {
        int[] v = drawing();
        v[5 * W + 6] = 3;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScribblePrompts.fromScribbles(LabelMap.of(v, H, W)));
        assertTrue(e.getMessage().contains("(6, 5)"), e.getMessage());
    }
}
