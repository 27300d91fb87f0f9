package org.onepro.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;

class PromptRasterTest {

    private static int ones(float[] map) {
        int n = 0;
        for (float v : map) {
            if (v == 1f) {
                n++;
            }
        }
        return n;
    }

    @Test
    void blobPeaksAtItsCentreAndFallsOffAsAGaussian() {
        float[] blob = PromptRaster.gaussianBlob(32, 40, 10, 12, 2.0);

        assertEquals(1f, blob[12 * 40 + 10], 1e-7f);
        assertEquals(Math.exp(-1.0 / 8.0), blob[12 * 40 + 11], 1e-6);
        assertEquals(Math.exp(-4.0 / 8.0), blob[14 * 40 + 10], 1e-6);
        assertTrue(blob[12 * 40 + 13] < blob[12 * 40 + 12]);
        for (float v : blob) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void blobIsZeroBeyondFourSigma() {
        float[] blob = PromptRaster.gaussianBlob(64, 64, 32, 32, 2.0);

        assertTrue(blob[32 * 64 + 40] > 0f, "exactly 4 sigma away is kept");
        assertEquals(0f, blob[32 * 64 + 41]);
        assertEquals(0f, blob[38 * 64 + 38], "6*sqrt(2) = 8.5 pixels away");
    }

    @Test
    void blobCentredOffTheGridStillRendersItsTail() {
        float[] blob = PromptRaster.gaussianBlob(8, 8, -2, 3, 1.0);

        assertEquals(Math.exp(-4.0 / 2.0), blob[3 * 8], 1e-6);
        assertEquals(0f, blob[3 * 8 + 7]);
        assertEquals(64, PromptRaster.gaussianBlob(8, 8, 100, 100, 1.0).length);
    }

    @Test
    void blobRejectsBadSigma() {
        assertThrows(InvalidInputException.class, () -> PromptRaster.gaussianBlob(8, 8, 1, 1, 0));
        assertThrows(InvalidInputException.class, () -> PromptRaster.gaussianBlob(8, 8, Double.NaN, 1, 1));
        assertThrows(InvalidInputException.class, () -> PromptRaster.gaussianBlob(0, 8, 1, 1, 1));
    }

    @Test
    void strokeCoversItsPathAndNothingFarFromIt() {
        Stroke horizontal = new Stroke(List.of(new Point(2, 5), new Point(12, 5)), 3.0, true);

        float[] map = PromptRaster.strokes(16, 16, List.of(horizontal), true, 1.0, 0, 0);

        for (int x = 2; x <= 12; x++) {
            assertEquals(1f, map[5 * 16 + x], "on the path at x " + x);
            assertEquals(1f, map[4 * 16 + x], "within half the width at x " + x);
            assertEquals(1f, map[6 * 16 + x], "within half the width at x " + x);
        }
        // 11 columns x 3 rows, plus round caps of radius 1.5 that reach one column further on each side
        // (rows 4..6, since sqrt(2) <= 1.5) but not two columns further.
        assertEquals(33 + 2 * 3, ones(map));
        assertEquals(1f, map[4 * 16 + 1]);
        assertEquals(0f, map[5 * 16]);
        assertEquals(0f, map[8 * 16 + 7]);
        assertEquals(0f, map[5 * 16 + 15]);
    }

    @Test
    void strokesAreFilteredByForegroundFlag() {
        Stroke fg = new Stroke(List.of(new Point(1, 1), new Point(1, 6)), 1.0, true);
        Stroke bg = new Stroke(List.of(new Point(6, 1), new Point(6, 6)), 1.0, false);

        float[] fgMap = PromptRaster.strokes(8, 8, List.of(fg, bg), true, 1.0, 0, 0);
        float[] bgMap = PromptRaster.strokes(8, 8, List.of(fg, bg), false, 1.0, 0, 0);

        assertEquals(6, ones(fgMap));
        assertEquals(1f, fgMap[3 * 8 + 1]);
        assertEquals(0f, fgMap[3 * 8 + 6]);
        assertEquals(6, ones(bgMap));
        assertEquals(1f, bgMap[3 * 8 + 6]);
    }

    @Test
    void thinDiagonalStrokeStaysConnected() {
        Stroke diagonal = new Stroke(List.of(new Point(0, 0), new Point(20, 10)), 0.1, true);

        float[] map = PromptRaster.strokes(12, 24, List.of(diagonal), true, 1.0, 0, 0);

        for (int x = 0; x <= 20; x++) {
            boolean hit = false;
            for (int y = 0; y < 12; y++) {
                hit |= map[y * 24 + x] == 1f;
            }
            assertTrue(hit, "column " + x + " is covered");
        }
    }

    @Test
    void strokeIsMappedAffinely() {
        Stroke stroke = new Stroke(List.of(new Point(1, 1), new Point(3, 1)), 1.0, true);

        float[] map = PromptRaster.strokes(16, 16, List.of(stroke), true, 2.0, 1.0, 3.0);

        // (1,1)-(3,1) maps to (3,5)-(7,5) with thickness 2: rows 4..6 at half-width 1.
        assertEquals(1f, map[5 * 16 + 3]);
        assertEquals(1f, map[5 * 16 + 7]);
        assertEquals(1f, map[4 * 16 + 5]);
        assertEquals(0f, map[5 * 16 + 1]);
        assertEquals(0f, map[1 * 16 + 1]);
        assertThrows(InvalidInputException.class,
                () -> PromptRaster.strokes(16, 16, List.of(stroke), true, 0, 0, 0));
    }

    @Test
    void filledBoxCountsInclusivePixelCentres() {
        float[] box = PromptRaster.filledBox(10, 12, 2, 3, 6, 5);

        assertEquals(5 * 3, ones(box));
        assertEquals(1f, box[3 * 12 + 2]);
        assertEquals(1f, box[5 * 12 + 6]);
        assertEquals(0f, box[6 * 12 + 6]);
        assertEquals(0f, box[3 * 12 + 7]);
    }

    @Test
    void filledBoxWithFractionalEdgesUsesEnclosedCentresAndClips() {
        assertEquals(3 * 2, ones(PromptRaster.filledBox(10, 10, 1.5, 2.2, 4.9, 4.0)));
        assertEquals(2 * 10, ones(PromptRaster.filledBox(10, 10, -5, 8, 50, 99)));
        assertEquals(0, ones(PromptRaster.filledBox(10, 10, 2.2, 2, 2.8, 5)));
        assertThrows(InvalidInputException.class, () -> PromptRaster.filledBox(10, 10, 5, 2, 3, 4));
    }
}
