package org.onepro.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticSceneTest {

    private static final Appearance PLAIN = new Appearance(0.2, TextureKind.WAVES, 0.1, 0.02);

    private static PlacedObject object(Shape shape, boolean target, int size) {
        return new PlacedObject(shape, PLAIN, target ? PlacedObject.TARGET : PlacedObject.TARGET + 1, ShapeRasterizer.coverage(shape, size, size));
    }

    @Test
    void aDistractorPaintedOverATargetHidesThatPart() {
        int size = 64;
        PlacedObject target = object(new EllipseShape(32, 32, 12, 12, 0), true, size);
        PlacedObject over = object(new EllipseShape(44, 32, 8, 8, 0), false, size);
        PlacedObject under = object(new EllipseShape(20, 32, 8, 8, 0), false, size);

        int[] labels = new Scene(size, List.of(under, target, over)).labels();

        assertEquals(1, labels[32 * size + 32]);
        assertEquals(1, labels[32 * size + 22]);
        assertEquals(0, labels[32 * size + 42]);
        assertEquals(0, labels[5 * size + 5]);
    }

    @Test
    void plannedTargetsStayMostlyVisible() {
        int checked = 0;
        for (int t = 0; t < 20; t++) {
            SyntheticTaskSpec spec = SyntheticTasks.task(t, 1, 96, 3).spec();
            for (int s = 0; s < 4; s++) {
                Scene scene = ScenePlanner.plan(spec, new SplittableRandom(Seeds.mix(spec.sampleSeed(), s)));
                int[] owner = scene.topmost();
                for (int k = 0; k < scene.objects().size(); k++) {
                    PlacedObject o = scene.objects().get(k);
                    if (!o.target()) {
                        continue;
                    }
                    boolean[] own = ShapeRasterizer.label(o.coverage());
                    int area = 0;
                    int visible = 0;
                    for (int i = 0; i < own.length; i++) {
                        if (own[i]) {
                            area++;
                            if (owner[i] == k) {
                                visible++;
                            }
                        }
                    }
                    assertTrue(area > 0 && visible >= 0.7 * area,
                            "task " + t + " sample " + s + " target " + k + ": " + visible + " of " + area);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 80, "only " + checked + " targets checked");
    }

    @Test
    void tubeTargetsOfTasksAreThin() {
        int checked = 0;
        for (int size : new int[] {128, 256}) {
            for (int t = 0; t < 40; t++) {
                SyntheticTaskSpec spec = SyntheticTasks.task(t, 1, size, 3).spec();
                if (spec.target().kind() != ShapeKind.TUBE) {
                    continue;
                }
                for (int s = 0; s < 3; s++) {
                    Scene scene = ScenePlanner.plan(spec, new SplittableRandom(Seeds.mix(spec.sampleSeed(), s)));
                    for (PlacedObject o : scene.objects()) {
                        if (o.target()) {
                            boolean[] label = ShapeRasterizer.label(o.coverage());
                            double ratio = SyntheticShapesTest.areaPerDiagonal(label, size);
                            assertTrue(ratio < 6, "task " + t + " sample " + s + " tube area / diagonal " + ratio);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 10, "only " + checked + " tube targets checked");
    }

    @Test
    void blurKeepsAConstantImageAndNoiseHasTheRequestedSpread() {
        float[] flat = new float[32 * 32];
        java.util.Arrays.fill(flat, 0.4f);
        float[] blurred = ImageDegradation.blur(flat, 32, 1.5);
        for (float v : blurred) {
            assertEquals(0.4f, v, 1e-6f);
        }

        float[] noisy = new float[128 * 128];
        ImageDegradation.addNoise(noisy, 0.05, new SplittableRandom(4));
        double squares = 0;
        for (float v : noisy) {
            squares += v * v;
        }
        assertEquals(0.05, Math.sqrt(squares / noisy.length), 0.002);
    }
}
