package org.onepro.classic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianTest {

    private static Grid of(int h, int w, java.util.function.IntBinaryOperator f) {
        float[] v = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = f.applyAsInt(y, x);
            }
        }
        return new Grid(v, h, w);
    }

    @Test
    void smoothingKeepsAConstantAndDerivativesRecoverSlopeAndCurvature() {
        Grid constant = of(20, 30, (y, x) -> 7);
        for (double s : new double[] {0.7, 1.6, 5}) {
            assertEquals(7, Gaussian.smooth(constant, s).get(10, 15), 1e-4);
            assertEquals(0, Gaussian.derivative(constant, s, 0, 2).get(10, 15), 1e-4);
        }
        Grid ramp = of(40, 40, (y, x) -> 3 * x - 2 * y);
        for (double s : new double[] {0.7, 1.0, 3.5}) {
            assertEquals(3, Gaussian.derivative(ramp, s, 0, 1).get(20, 20), 1e-3, "d/dx at sigma " + s);
            assertEquals(-2, Gaussian.derivative(ramp, s, 1, 0).get(20, 20), 1e-3, "d/dy at sigma " + s);
        }
        Grid parabola = of(60, 60, (y, x) -> (x - 30) * (x - 30));
        for (double s : new double[] {0.7, 1.6, 3.5}) {
            assertEquals(2, Gaussian.derivative(parabola, s, 0, 2).get(30, 30), 1e-2, "d2/dx2 at sigma " + s);
            assertEquals(0, Gaussian.derivative(parabola, s, 2, 0).get(30, 30), 1e-2);
        }
    }

    @Test
    void resizeKeepsAConstantAndFitKeepsTheAspect() {
        Grid g = of(30, 60, (y, x) -> 4);
        Grid small = g.resize(10, 20);
        assertEquals(4, small.get(5, 10), 1e-5);
        assertEquals(4, g.resize(45, 90).get(44, 89), 1e-5);
        int[] size = Grid.fit(300, 600, 128);
        assertEquals(64, size[0]);
        assertEquals(128, size[1]);
        assertEquals(50, Grid.fit(50, 80, 128)[0], "never enlarged");
    }
}
