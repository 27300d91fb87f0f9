package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * Stacks of thin curved layers, like retinal layers in an OCT scan or the wall layers of an organ: 3 to 7 bands,
 * each 2 to 8 % of the side thick, bent by a shared curvature and each wavy on its own. Every band has its own
 * label; which band is label 1 (the target of a single-label prompt) is fixed per task and may be any of them.
 *
 * @param thickness  each band's mean thickness as a fraction of the side, top to bottom
 * @param labels     each band's label, top to bottom: a permutation of {@code 1 .. bands}
 * @param curvature  the rise of the stack's middle over its ends, as a fraction of the side
 * @param waviness   each boundary's own wave amplitude relative to its band's thickness
 * @param vertical   whether the stack runs left to right instead of top to bottom
 */
record BandLayout(double[] thickness, int[] labels, double curvature, double waviness, boolean vertical)
        implements StructureLayout {

    static BandLayout sample(SplittableRandom rng) {
        int bands = rng.nextInt(3, 8);
        double[] thickness = new double[bands];
        int[] labels = new int[bands];
        for (int k = 0; k < bands; k++) {
            thickness[k] = rng.nextDouble(0.02, 0.08);
            labels[k] = k + 1;
        }
        for (int k = bands - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = labels[k];
            labels[k] = labels[j];
            labels[j] = t;
        }
        return new BandLayout(thickness, labels, rng.nextDouble(-0.2, 0.2), rng.nextDouble(0, 0.35),
                rng.nextBoolean());
    }

    @Override
    public int maxLabel() {
        return labels.length;
    }

    @Override
    public int[] draw(int size, SplittableRandom rng) {
        int bands = thickness.length;
        double total = 0;
        double[] thick = new double[bands];
        for (int k = 0; k < bands; k++) {
            thick[k] = thickness[k] * size * rng.nextDouble(0.85, 1.15);
            total += thick[k];
        }
        double bend = curvature * size * rng.nextDouble(0.7, 1.3);
        double tilt = rng.nextDouble(-0.1, 0.1) * size;
        // Room for the stack plus its bend and tilt where it fits; a stack taller than that is clipped at the far
        // edge, but every band keeps its columns at the ends of the image.
        double slack = Math.max(0, size - total - Math.abs(bend) - Math.abs(tilt) - 2);
        double top = 1 + Math.max(0, -bend) + Math.max(0, -tilt) + rng.nextDouble(0, Math.max(1e-9, slack));
        double[] wavelength = new double[bands + 1];
        double[] phase = new double[bands + 1];
        for (int k = 0; k <= bands; k++) {
            wavelength[k] = rng.nextDouble(0.3, 1.2) * size;
            phase[k] = rng.nextDouble(0, 2 * Math.PI);
        }
        LabelCanvas canvas = new LabelCanvas(size);
        double[] edge = new double[bands + 1];
        for (int u = 0; u < size; u++) {
            double t = (u + 0.5) / size;
            double base = top + bend * 4 * t * (1 - t) + tilt * t;
            edge[0] = base + wave(0, u, wavelength, phase, thick[0]);
            for (int k = 0; k < bands; k++) {
                base += thick[k];
                // A boundary never crosses the one above it: every band keeps at least one pixel.
                edge[k + 1] = Math.max(edge[k] + 1, base + wave(k + 1, u, wavelength, phase, thick[k]));
            }
            for (int v = 0; v < size; v++) {
                double c = v + 0.5;
                for (int k = 0; k < bands; k++) {
                    if (c >= edge[k] && c < edge[k + 1]) {
                        if (vertical) {
                            canvas.set(v, u, labels[k]);
                        } else {
                            canvas.set(u, v, labels[k]);
                        }
                        break;
                    }
                }
            }
        }
        return canvas.labels();
    }

    private double wave(int boundary, int u, double[] wavelength, double[] phase, double thick) {
        return waviness * thick * StrictMath.sin(2 * Math.PI * u / wavelength[boundary] + phase[boundary]);
    }
}
