package org.onepro.model.everything;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Point;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.segment.InteractiveSession;
import org.onepro.model.segment.Segmenter;

class SegmentEverythingTest {

    private static Segmenter segmenter;

    @BeforeAll
    static void open() {
        segmenter = Segmenter.untrained("tiny", 3);
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    private static Image image(int h, int w, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextDouble();
        }
        return Image.of(v, 1, h, w);
    }

    @Test
    void aSmallGridGivesQuerySizedMasksSortedByScoreWithoutDuplicates() {
        Image template = image(40, 32, 1);
        Image query = image(28, 36, 2);
        double nms = 0.5;
        SegmentEverything everything = SegmentEverything.builder().optGrid(3).optIouThreshold(0)
                .optStabilityThreshold(0).optNmsIou(nms).optBatch(4).build();

        List<ScoredMask> masks = everything.run(segmenter, template, query);

        assertFalse(masks.isEmpty(), "with no thresholds an untrained model still finds something");
        for (int i = 0; i < masks.size(); i++) {
            ScoredMask m = masks.get(i);
            assertEquals(28, m.mask().height());
            assertEquals(36, m.mask().width());
            assertFalse(m.mask().isEmpty());
            assertTrue(m.click().x() >= 0 && m.click().x() <= 31 && m.click().y() >= 0 && m.click().y() <= 39);
            if (i > 0) {
                assertTrue(masks.get(i - 1).score() >= m.score(), "sorted by score");
            }
            for (int j = 0; j < i; j++) {
                assertTrue(MaskNms.iou(masks.get(j).mask(), m.mask()) <= nms, "pair " + j + ", " + i);
            }
        }
    }

    @Test
    void withoutSuppressionEveryNonEmptyClickResultIsKeptWithItsOwnScores() {
        Image image = image(32, 32, 3);
        SegmentEverything everything = SegmentEverything.builder().optGrid(2).optIouThreshold(0)
                .optStabilityThreshold(0).optNmsIou(1).build();

        // Clicks on the image being segmented: every click is interactive use.
        List<ScoredMask> masks = everything.run(segmenter, image);

        int expected = 0;
        for (Point p : SegmentEverything.gridClicks(32, 32, 2)) {
            SegmentationResult single;
            try (InteractiveSession session = segmenter.interactive(image)) {
                single = session.segment(Click.foreground(p.x(), p.y()));
            }
            if (!single.mask().isEmpty()) {
                expected++;
                ScoredMask found = masks.stream().filter(m -> m.click().equals(p)).findFirst().orElseThrow();
                assertEquals(single.predictedIou(), found.predictedIou(), 1e-5);
                // Batched and single calls may differ by float rounding, which can flip a pixel at exactly 0.5.
                assertTrue(MaskNms.iou(single.mask(), found.mask()) > 0.95);
            }
        }
        assertEquals(expected, masks.size());
    }

    @Test
    void thresholdsDropMasks() {
        Image template = image(32, 32, 4);
        List<ScoredMask> none = SegmentEverything.builder().optGrid(2).optIouThreshold(1).optStabilityThreshold(1)
                .build().run(segmenter, template, image(32, 32, 5));
        assertTrue(none.stream().allMatch(m -> m.predictedIou() >= 1 && m.stability() >= 1));
    }

    @Test
    void theStabilityScoreIsTheIouOfTheTwoThresholdedMasks() {
        ProbabilityMap p = ProbabilityMap.of(new float[] {0.95f, 0.65f, 0.55f, 0.45f, 0.35f, 0.05f}, 2, 3);
        // Above 0.6: 2 pixels; at least 0.4: 4 pixels.
        assertEquals(0.5, SegmentEverything.stability(p, 0.1), 1e-12);
        assertEquals(0.0, SegmentEverything.stability(ProbabilityMap.of(new float[4], 2, 2), 0.1));
    }

    @Test
    void theGridCoversTheImageEvenly() {
        List<Point> clicks = SegmentEverything.gridClicks(40, 32, 4);
        assertEquals(16, clicks.size());
        assertEquals(new Point(3.5, 4.5), clicks.get(0));
        assertEquals(new Point(27.5, 34.5), clicks.get(15));
        assertEquals(new Point(0, 0), SegmentEverything.gridClicks(1, 1, 3).get(4));
    }

    @Test
    void badSettingsAreRejectedWithAClearMessage() {
        InvalidInputException grid = assertThrows(InvalidInputException.class,
                () -> SegmentEverything.builder().optGrid(0));
        assertTrue(grid.getMessage().contains("grid"), grid.getMessage());
        InvalidInputException iou = assertThrows(InvalidInputException.class,
                () -> SegmentEverything.builder().optIouThreshold(1.5));
        assertTrue(iou.getMessage().contains("[0, 1]"), iou.getMessage());
        assertThrows(InvalidInputException.class, () -> SegmentEverything.builder().optStabilityThreshold(-0.1));
        assertThrows(InvalidInputException.class, () -> SegmentEverything.builder().optNmsIou(Double.NaN));
        assertThrows(InvalidInputException.class, () -> SegmentEverything.builder().optBatch(0));
        SegmentEverything defaults = SegmentEverything.builder().build();
        assertTrue(defaults.toString().contains("grid=32x32"), defaults.toString());
        assertThrows(InvalidInputException.class, () -> defaults.run(segmenter, null, image(8, 8, 1)));
    }
}
