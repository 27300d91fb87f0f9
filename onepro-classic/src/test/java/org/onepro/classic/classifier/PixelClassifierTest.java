package org.onepro.classic.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.classic.Scenes;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.metric.SegmentationMetrics;

class PixelClassifierTest {

    @Test
    void aTargetToldApartByTextureIsFoundElsewhereInAnotherImage() {
        Mask templateMask = Scenes.ellipse(80, 80, 25, 25, 14, 14);
        Mask queryMask = Scenes.ellipse(90, 70, 45, 55, 18, 12);
        try (PixelClassifier c = PixelClassifier.fit(List.of(Scenes.textured(templateMask, 1)),
                List.of(templateMask), PixelClassifier.Settings.defaults(7))) {
            ProbabilityMap p = c.predict(Scenes.textured(queryMask, 2));
            assertEquals(90, p.height());
            assertEquals(70, p.width());
            double dice = SegmentationMetrics.dice(p.threshold(0.5f), queryMask);
            assertTrue(dice > 0.8, "dice " + dice);
            assertTrue(SegmentationMetrics.dice(templateMask.resizeNearest(90, 70), queryMask) < 0.3,
                    "the target moved, so pasting the mask would fail");
        }
    }

    @Test
    void theSameSeedGivesTheSameProbabilities() {
        Mask m = Scenes.ellipse(48, 48, 20, 24, 10, 8);
        Image im = Scenes.picture(m, 0.3, 3);
        float[] a;
        float[] b;
        try (PixelClassifier c = PixelClassifier.fit(List.of(im), List.of(m), PixelClassifier.Settings.defaults(5))) {
            a = c.predict(im).data();
        }
        try (PixelClassifier c = PixelClassifier.fit(List.of(im), List.of(m), PixelClassifier.Settings.defaults(5))) {
            b = c.predict(im).data();
        }
        assertTrue(java.util.Arrays.equals(a, b));
    }

    @Test
    void aMaskWithoutBackgroundOrOfAnotherSizeIsRefused() {
        Image im = Scenes.picture(Scenes.ellipse(20, 20, 10, 10, 5, 5), 0, 1);
        boolean[] all = new boolean[400];
        java.util.Arrays.fill(all, true);
        InvalidInputException full = assertThrows(InvalidInputException.class, () -> PixelClassifier.fit(
                List.of(im), List.of(Mask.of(all, 20, 20)), PixelClassifier.Settings.defaults(1)));
        assertTrue(full.getMessage().contains("no background"), full.getMessage());
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> PixelClassifier.fit(
                List.of(im), List.of(Mask.empty(20, 20)), PixelClassifier.Settings.defaults(1)));
        assertTrue(empty.getMessage().contains("no target"), empty.getMessage());
        InvalidInputException size = assertThrows(InvalidInputException.class, () -> PixelClassifier.fit(
                List.of(im), List.of(Mask.empty(10, 20)), PixelClassifier.Settings.defaults(1)));
        assertTrue(size.getMessage().contains("20x20") && size.getMessage().contains("10x20"), size.getMessage());
    }

    @Test
    void aTemplateLargerThanTheWorkingSideKeepsAThinTargetAndLabelsByArea() {
        // A one-pixel line on an odd row: halving by nearest neighbour would sample only even rows and lose it.
        boolean[] line = new boolean[64 * 64];
        for (int x = 8; x < 56; x++) {
            line[21 * 64 + x] = true;
        }
        boolean[] half = PixelClassifier.labelsAt(Mask.of(line, 64, 64), 32, 32);
        assertTrue(half[10 * 32 + 16], "the line survives halving");
        // A block covering three of each working pixel's four source pixels is target, one of four is not.
        boolean[] block = new boolean[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                block[y * 64 + x] = x < 32 ? (y % 2 == 0 || x % 2 == 0) : (y % 2 == 0 && x % 2 == 0);
            }
        }
        boolean[] labels = PixelClassifier.labelsAt(Mask.of(block, 64, 64), 32, 32);
        assertTrue(labels[5 * 32 + 5], "three quarters covered");
        assertTrue(!labels[5 * 32 + 25], "one quarter covered");
    }
}
