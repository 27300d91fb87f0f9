package org.onepro.data.synthetic;

/**
 * A smooth star-shaped lump: in a frame rotated by {@code orientation} and squeezed by {@code aspect} along its
 * second axis, a point at angle {@code t} is inside when its distance from the centre is at most
 * {@code radius * (1 + sum_k amplitudes[k] * cos(harmonics[k] * t + phases[k]))}.
 */
final class BlobShape implements Shape {

    private final double cx;
    private final double cy;
    private final double radius;
    private final double aspect;
    private final double cos;
    private final double sin;
    private final int[] harmonics;
    private final double[] amplitudes;
    private final double[] phaseCos;
    private final double[] phaseSin;
    private final int maxHarmonic;
    private final double minRadius;
    private final double maxRadius;

    /**
     * Creates a blob; the amplitudes' absolute values must sum to less than 1 so the radius stays positive.
     *
     * @param cx          the centre column
     * @param cy          the centre row
     * @param radius      the mean radius
     * @param aspect      the squeeze of the second axis, in {@code (0, 1]}
     * @param orientation the angle of the first axis, radians
     * @param harmonics   the angular frequencies of the modulation
     * @param amplitudes  their relative amplitudes
     * @param phases      their phases, radians
     */
    BlobShape(double cx, double cy, double radius, double aspect, double orientation, int[] harmonics,
            double[] amplitudes, double[] phases) {
        this.cx = cx;
        this.cy = cy;
        this.radius = radius;
        this.aspect = aspect;
        this.cos = StrictMath.cos(orientation);
        this.sin = StrictMath.sin(orientation);
        this.harmonics = harmonics.clone();
        this.amplitudes = amplitudes.clone();
        this.phaseCos = new double[phases.length];
        this.phaseSin = new double[phases.length];
        int highest = 0;
        double swing = 0;
        for (int k = 0; k < harmonics.length; k++) {
            phaseCos[k] = StrictMath.cos(phases[k]);
            phaseSin[k] = StrictMath.sin(phases[k]);
            highest = Math.max(highest, harmonics[k]);
            swing += Math.abs(amplitudes[k]);
        }
        this.maxHarmonic = highest;
        this.minRadius = radius * (1 - swing);
        this.maxRadius = radius * (1 + swing);
    }

    @Override
    public boolean contains(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        double u = dx * cos + dy * sin;
        double v = (-dx * sin + dy * cos) / aspect;
        double rho2 = u * u + v * v;
        // Most points are decided by the radius bounds alone, without evaluating the modulation.
        if (rho2 <= minRadius * minRadius) {
            return true;
        }
        if (rho2 > maxRadius * maxRadius) {
            return false;
        }
        double rho = Math.sqrt(rho2);
        // cos(k t) and sin(k t) follow from cos t = u / rho and sin t = v / rho by repeated rotation, which is
        // exact arithmetic instead of atan2 and cosines per point.
        double c1 = u / rho;
        double s1 = v / rho;
        double ck = 1;
        double sk = 0;
        double r = 1.0;
        for (int k = 1; k <= maxHarmonic; k++) {
            double c = ck * c1 - sk * s1;
            sk = sk * c1 + ck * s1;
            ck = c;
            for (int h = 0; h < harmonics.length; h++) {
                if (harmonics[h] == k) {
                    // cos(k t + phase) = cos(k t) cos(phase) - sin(k t) sin(phase)
                    r += amplitudes[h] * (ck * phaseCos[h] - sk * phaseSin[h]);
                }
            }
        }
        return rho <= r * radius;
    }

    @Override
    public Bounds bounds() {
        // Squeezing only shrinks the second axis, so the unsqueezed extent bounds every direction.
        return Bounds.around(cx, cy, maxRadius);
    }
}
