package org.onepro.core.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class MaskTest {

    @TempDir
    Path tmp;

    private static Mask pattern() {
        // 3x4:
        // . X . .
        // . X X .
        // . . . .
        boolean[] d = new boolean[12];
        d[1] = true;
        d[5] = true;
        d[6] = true;
        return Mask.of(d, 3, 4);
    }

    @Test
    void pngRoundTripPreservesEveryPixel() throws IOException {
        Mask mask = pattern();
        Path file = tmp.resolve("mask.png");
        ImageIO.write(mask.toBufferedImage(), "png", file.toFile());

        Mask back = Mask.read(file);

        assertEquals(mask, back);
        assertEquals(mask.hashCode(), back.hashCode());
    }

    @Test
    void toBufferedImageWrites0And255() {
        int[] samples = pattern().toBufferedImage().getRaster().getSamples(0, 0, 4, 3, 0, (int[]) null);

        assertArrayEquals(new int[] {0, 255, 0, 0, 0, 255, 255, 0, 0, 0, 0, 0}, samples);
    }

    @Test
    void anyNonZeroSampleInFirstBandIsForeground() {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 1, 40000});

        Mask mask = Mask.fromBufferedImage(img);

        assertArrayEquals(new boolean[] {false, true, true}, mask.data());
    }

    @Test
    void readNamesMissingFile() {
        Path missing = tmp.resolve("gone.png");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Mask.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void fromLabelsSelectsOneLabel() {
        Mask mask = Mask.fromLabels(new int[] {0, 2, 1, 2, 3, 2}, 2, 3, 2);

        assertArrayEquals(new boolean[] {false, true, false, true, false, true}, mask.data());
        assertEquals(3, mask.count());
    }

    @Test
    void resizeNearestDoublesAPattern() {
        Mask big = pattern().resizeNearest(6, 8);

        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(pattern().get(y / 2, x / 2), big.get(y, x), "pixel y " + y + ", x " + x);
            }
        }
    }

    @Test
    void resizeNearestHalvesUsingPixelCentres() {
        // 4x4 with distinct columns; halving picks source index floor((d + 0.5) * 2) = 1 and 3.
        boolean[] d = new boolean[16];
        for (int y = 0; y < 4; y++) {
            d[y * 4 + 1] = true;
        }
        Mask small = Mask.of(d, 4, 4).resizeNearest(2, 2);

        assertArrayEquals(new boolean[] {true, false, true, false}, small.data());
    }

    @Test
    void boundingBoxIsInclusive() {
        assertArrayEquals(new int[] {1, 0, 2, 1}, pattern().boundingBox().orElseThrow());
        assertTrue(Mask.empty(5, 5).boundingBox().isEmpty());
    }

    @Test
    void countAndEmptiness() {
        assertEquals(3, pattern().count());
        assertFalse(pattern().isEmpty());
        assertTrue(Mask.empty(2, 3).isEmpty());
        assertEquals(0, Mask.empty(2, 3).count());
    }

    @Test
    void badSizesAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Mask.of(new boolean[5], 2, 3));
        assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("needs 6"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Mask.empty(0, 3));
        assertThrows(InvalidInputException.class, () -> Mask.fromLabels(new int[4], 2, 3, 1));
        assertThrows(InvalidInputException.class, () -> pattern().resizeNearest(2, 0));
        assertThrows(InvalidInputException.class, () -> pattern().get(3, 0));
    }

    @Test
    void dataIsDefensivelyCopied() {
        boolean[] d = new boolean[4];
        Mask mask = Mask.of(d, 2, 2);
        d[0] = true;
        mask.data()[1] = true;

        assertTrue(mask.isEmpty());
    }

    @Test
    void equalityDependsOnShape() {
        assertNotEquals(Mask.empty(2, 3), Mask.empty(3, 2));
        assertEquals(Mask.empty(2, 3), Mask.of(new boolean[6], 2, 3));
    }
}
