package org.onepro.train.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.metric.SegmentationMetrics;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.SegLab;
import org.onepro.model.internal.SegmenterAccess;
import org.onepro.model.segment.Segmenter;

class TemplateAdapterTest {

    private static final int SIDE = 48;
    private static final AdaptationSettings FAST = new AdaptationSettings(40, 4, 3e-3, 5);

    private static Segmenter base;

    @BeforeAll
    static void untrainedModel() {
        base = Segmenter.untrained("tiny", 11);
    }

    @AfterAll
    static void close() {
        base.close();
    }

    /** A bright disc of radius r at (cy, cx) on a dark, noisy background; the disc is the target. */
    private static Image disc(int cy, int cx, int r, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] data = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean in = (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r;
                data[y * SIDE + x] = (in ? 0.8f : 0.2f) + (float) (0.05 * rng.nextGaussian());
            }
        }
        return Image.of(data, 1, SIDE, SIDE);
    }

    private static Mask discMask(int cy, int cx, int r) {
        boolean[] m = new boolean[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                m[y * SIDE + x] = (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r;
            }
        }
        return Mask.of(m, SIDE, SIDE);
    }

    @Test
    void theAdaptedModelSegmentsTheTemplatesTargetInAnotherImage() {
        Image template = disc(18, 20, 9, 1);
        SegLab prompt = SegLab.of(discMask(18, 20, 9));
        Image query = disc(30, 28, 10, 2);
        Mask truth = discMask(30, 28, 10);
        double before = SegmentationMetrics.dice(base.segment(query, template, prompt).mask(), truth);
        try (AdaptedTemplate adapted = TemplateAdapter.adapt(base, template, prompt, FAST)) {
            double after = SegmentationMetrics.dice(adapted.segment(query).mask(), truth);
            assertTrue(after > 0.7 && after > before + 0.3, "Dice before " + before + ", after " + after);
            assertTrue(Double.isFinite(adapted.finalLoss()) && adapted.seconds() > 0, "final loss "
                    + adapted.finalLoss() + ", " + adapted.seconds() + " s");
        }
    }

    @Test
    void theModelAdaptedFromIsLeftAsItWas() {
        Image template = disc(18, 20, 9, 1);
        SegLab prompt = SegLab.of(discMask(18, 20, 9));
        Image query = disc(30, 28, 10, 2);
        float[] before = base.segment(query, template, prompt).probabilities().data();
        NDManager baseManager = SegmenterAccess.model(base).getParameters().valueAt(0).getArray().getManager();
        int arrays = baseManager.getManagedArrays().size();
        for (int i = 0; i < 2; i++) {
            try (AdaptedTemplate adapted = TemplateAdapter.adapt(base, template, prompt, FAST.withSteps(3))) {
                adapted.segment(query);
            }
        }
        assertArrayEquals(before, base.segment(query, template, prompt).probabilities().data());
        assertEquals(arrays, baseManager.getManagedArrays().size(), "arrays left in the base model's manager");
    }

    @Test
    void equalSeedsAdaptEqually() {
        Image template = disc(18, 20, 9, 1);
        SegLab prompt = SegLab.of(discMask(18, 20, 9));
        Image query = disc(30, 28, 10, 2);
        float[][] runs = new float[2][];
        for (int i = 0; i < 2; i++) {
            try (AdaptedTemplate adapted = TemplateAdapter.adapt(base, template, prompt, FAST.withSteps(5))) {
                runs[i] = adapted.segment(query).probabilities().data();
            }
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void aSparsePromptIsRefusedWithTheReason() {
        Image template = disc(18, 20, 9, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TemplateAdapter.adapt(base, template, Click.foreground(20, 18), FAST));
        assertTrue(e.getMessage().contains("SegLab") && e.getMessage().contains("CLICK"), e.getMessage());
    }

    @Test
    void aMaskOfAnotherSizeIsRefused() {
        Image template = disc(18, 20, 9, 1);
        Mask small = Mask.of(new boolean[] {true, false, false, false}, 2, 2);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TemplateAdapter.adapt(base, template, SegLab.of(small), FAST));
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
    }

    @Test
    void badSettingsAreReportedTogether() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new AdaptationSettings(0, 0, Double.NaN, 0));
        assertTrue(e.getMessage().contains("steps") && e.getMessage().contains("batchSize")
                && e.getMessage().contains("learningRate"), e.getMessage());
    }
}
