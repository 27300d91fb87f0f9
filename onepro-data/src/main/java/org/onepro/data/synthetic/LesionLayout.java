package org.onepro.data.synthetic;

import java.util.SplittableRandom;

/**
 * Small lesions inside an organ, like tumours in a liver or plaques in white matter: an organ-sized lump
 * (label 2), one to five small lesions within it (label 1), and in some tasks a second organ beside it
 * (label 3) that holds none.
 *
 * @param organRadius  the organ's mean radius as a fraction of the side
 * @param lesionRadius the lesions' mean radius as a fraction of the side
 * @param maxLesions   the most lesions per image
 * @param secondOrgan  whether a lesion-free second organ appears
 */
record LesionLayout(double organRadius, double lesionRadius, int maxLesions, boolean secondOrgan)
        implements StructureLayout {

    private static final int PLACEMENT_ATTEMPTS = 60;

    static LesionLayout sample(SplittableRandom rng) {
        return new LesionLayout(rng.nextDouble(0.18, 0.32), rng.nextDouble(0.015, 0.06), rng.nextInt(1, 6),
                rng.nextBoolean());
    }

    @Override
    public int maxLabel() {
        return secondOrgan ? 3 : 2;
    }

    @Override
    public int[] draw(int size, SplittableRandom rng) {
        LabelCanvas canvas = new LabelCanvas(size);
        double r = organRadius * size * rng.nextDouble(0.85, 1.15);
        double cx = rng.nextDouble(0.3, 0.7) * size;
        double cy = rng.nextDouble(0.3, 0.7) * size;
        if (secondOrgan) {
            // The second organ sits on the far side of the middle, so the two rarely overlap much.
            double angle = StrictMath.atan2(size / 2.0 - cy, size / 2.0 - cx);
            double other = 0.6 * r;
            canvas.lump(cx + (r + other) * StrictMath.cos(angle), cy + (r + other) * StrictMath.sin(angle), other,
                    rng.nextDouble(0, 0.3), rng.nextDouble(0, Math.PI), rng.nextDouble(0, 0.1),
                    rng.nextDouble(0, 2 * Math.PI), 3);
        }
        canvas.lump(cx, cy, r, rng.nextDouble(0, 0.3), rng.nextDouble(0, Math.PI), rng.nextDouble(0, 0.12),
                rng.nextDouble(0, 2 * Math.PI), 2);
        int lesions = rng.nextInt(1, maxLesions + 1);
        for (int i = 0; i < lesions; i++) {
            double lr = Math.max(1.0, lesionRadius * size * rng.nextDouble(0.6, 1.4));
            double elongation = rng.nextDouble(0, 0.35);
            double wobble = rng.nextDouble(0, 0.12);
            double[] at = insideOrgan(canvas, cx, cy, r, lr * (1 + elongation + wobble), rng);
            canvas.lump(at[0], at[1], lr, elongation, rng.nextDouble(0, Math.PI), wobble,
                    rng.nextDouble(0, 2 * Math.PI), 1);
        }
        return canvas.labels();
    }

    /**
     * A lesion centre whose reach (its largest radius) lies on the organ in sixteen directions; the organ's centre
     * when none turns up.
     */
    private static double[] insideOrgan(LabelCanvas canvas, double cx, double cy, double r, double reach,
            SplittableRandom rng) {
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            double a = rng.nextDouble(0, 2 * Math.PI);
            double d = Math.sqrt(rng.nextDouble()) * r;
            double x = cx + d * StrictMath.cos(a);
            double y = cy + d * StrictMath.sin(a);
            if (onOrgan(canvas, x, y, reach)) {
                return new double[] {x, y};
            }
        }
        return new double[] {cx, cy};
    }

    private static boolean onOrgan(LabelCanvas canvas, double x, double y, double reach) {
        for (int k = 0; k < 16; k++) {
            double a = k * Math.PI / 8;
            double px = x + reach * StrictMath.cos(a);
            double py = y + reach * StrictMath.sin(a);
            if (!canvas.contains(px, py) || canvas.get((int) px, (int) py) == 0
                    || canvas.get((int) px, (int) py) == 3) {
                return false;
            }
        }
        return true;
    }
}
