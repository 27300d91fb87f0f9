package org.onepro.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticShapesTest {

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Label area divided by the label's bounding-box diagonal: about the thickness for a thin curve. */
    static double areaPerDiagonal(boolean[] mask, int width) {
        int area = 0;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                area++;
                minX = Math.min(minX, i % width);
                maxX = Math.max(maxX, i % width);
                minY = Math.min(minY, i / width);
                maxY = Math.max(maxY, i / width);
            }
        }
        return area / Math.hypot(maxX - minX + 1, maxY - minY + 1);
    }

    @Test
    void ellipseCoverageAddsUpToItsArea() {
        Shape ellipse = new EllipseShape(40.3, 37.8, 20, 11, 0.4);
        float[] coverage = ShapeRasterizer.coverage(ellipse, 80, 80);
        double area = Math.PI * 20 * 11;

        assertEquals(area, sum(coverage), 0.01 * area);
        assertEquals(area, count(ShapeRasterizer.label(coverage)), 0.02 * area);
        assertEquals(1f, coverage[38 * 80 + 40]);
        assertEquals(0f, coverage[2 * 80 + 2]);
    }

    @Test
    void edgesAreAntiAliased() {
        float[] coverage = ShapeRasterizer.coverage(new EllipseShape(32.3, 31.6, 15, 9, 1.1), 64, 64);
        int partial = 0;
        for (float c : coverage) {
            if (c > 0 && c < 1) {
                partial++;
            }
        }

        // The rim of an ellipse with a 15 by 9 pixel outline crosses well over 50 pixels.
        assertTrue(partial > 50, "partially covered pixels: " + partial);
    }

    @Test
    void ringHasAHoleAndTheAnnulusArea() {
        Shape ring = new RingShape(50, 50, 30, 24, 0.3, 0.6);
        float[] coverage = ShapeRasterizer.coverage(ring, 100, 100);
        double area = Math.PI * 30 * 24 * (1 - 0.6 * 0.6);

        assertEquals(0f, coverage[50 * 100 + 50]);
        assertEquals(area, sum(coverage), 0.01 * area);
    }

    @Test
    void blobAreaMatchesItsRadialFunction() {
        // Area = 1/2 * integral of r(t)^2 dt = pi R^2 (1 + sum a_k^2 / 2) for an unsqueezed blob.
        double[] amplitudes = {0.2, -0.1, 0.08};
        Shape blob = new BlobShape(64.2, 63.7, 30, 1.0, 0.7, new int[] {2, 3, 5}, amplitudes,
                new double[] {0.3, 2.0, 4.1});
        double area = Math.PI * 30 * 30 * (1 + (0.04 + 0.01 + 0.0064) / 2);

        assertEquals(area, sum(ShapeRasterizer.coverage(blob, 128, 128)), 0.005 * area);
    }

    @Test
    void blobBoundaryFollowsTheHarmonic() {
        // With one harmonic cos(2t), the blob reaches 1.3 R along its axis and 0.7 R across it.
        Shape blob = new BlobShape(0, 0, 10, 1.0, 0, new int[] {2}, new double[] {0.3}, new double[] {0});

        assertTrue(blob.contains(12.9, 0));
        assertFalse(blob.contains(13.1, 0));
        assertTrue(blob.contains(0, -6.9));
        assertFalse(blob.contains(0, -7.1));
    }

    @Test
    void starPolygonIsEvenOddFilled() {
        // A square with vertices in order: its centre is inside and a point beyond an edge is not.
        Shape square = new PolygonShape(new double[] {10, 30, 30, 10}, new double[] {10, 10, 30, 30});

        assertTrue(square.contains(20, 20));
        assertFalse(square.contains(31, 20));
        assertEquals(400, sum(ShapeRasterizer.coverage(square, 40, 40)), 1e-3);
    }

    @ParameterizedTest
    @EnumSource(ShapeKind.class)
    void everyKindStaysInsideItsBoundsAndCoversSomething(ShapeKind kind) {
        SplittableRandom rng = new SplittableRandom(kind.ordinal());
        for (int n = 0; n < 40; n++) {
            Shape shape = Shapes.create(kind, rng.nextDouble(40, 88), rng.nextDouble(40, 88), rng.nextDouble(8, 30),
                    rng.nextDouble(0, 2 * Math.PI), rng);
            Shape.Bounds b = shape.bounds();
            int inside = 0;
            // Points on a half-pixel grid over the whole plane region, so a wrong bound cannot hide between pixels.
            for (double y = -20; y < 148; y += 0.5) {
                for (double x = -20; x < 148; x += 0.5) {
                    if (shape.contains(x, y)) {
                        inside++;
                        assertTrue(x >= b.minX() && x <= b.maxX() && y >= b.minY() && y <= b.maxY(),
                                kind + " contains (" + x + ", " + y + ") outside its bounds " + b);
                    }
                }
            }
            assertTrue(inside > 0, kind + " instance " + n + " is empty");
        }
    }

    @Test
    void sameGeneratorStateGivesTheSameShape() {
        for (ShapeKind kind : ShapeKind.values()) {
            Shape a = Shapes.create(kind, 32, 32, 14, 0.5, new SplittableRandom(99));
            Shape b = Shapes.create(kind, 32, 32, 14, 0.5, new SplittableRandom(99));

            assertArrayEquals(ShapeRasterizer.coverage(a, 64, 64), ShapeRasterizer.coverage(b, 64, 64),
                    kind.toString());
        }
    }

    @Test
    void tubesAreThin() {
        SplittableRandom rng = new SplittableRandom(5);
        int size = 256;
        for (int n = 0; n < 300; n++) {
            // Half-lengths up to 0.55 of the image side, as tasks use; a big canvas keeps the whole tube.
            Shape tube = Shapes.create(ShapeKind.TUBE, size, size, rng.nextDouble(0.2, 0.55) * size,
                    rng.nextDouble(0, 2 * Math.PI), rng);
            boolean[] label = ShapeRasterizer.label(ShapeRasterizer.coverage(tube, 2 * size, 2 * size));
            double ratio = areaPerDiagonal(label, 2 * size);

            assertTrue(ratio < 6, "tube " + n + " has area / diagonal " + ratio);
            assertTrue(ratio > 1, "tube " + n + " is thinner than a pixel: " + ratio);
        }
    }

    @Test
    void compactShapesAreNotThin() {
        // The thinness measure must tell tubes from other shapes, or the tube test above would prove nothing.
        boolean[] label = ShapeRasterizer.label(ShapeRasterizer.coverage(new EllipseShape(64, 64, 30, 20, 0), 128,
                128));

        assertTrue(areaPerDiagonal(label, 128) > 6);
    }
}
