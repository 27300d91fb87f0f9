package org.onepro.model.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.internal.SegmenterAccess;

class SegmenterTest {

    private static Segmenter segmenter;

    @BeforeAll
    static void open() {
        segmenter = Segmenter.untrained("tiny", 3);
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    static Image image(int c, int h, int w, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextDouble();
        }
        return Image.of(v, c, h, w);
    }

    @Test
    void resultsComeBackAtEachQuerysOwnSize() {
        Image template = image(1, 40, 60, 1);
        Click click = Click.foreground(30, 20);
        SegmentationResult r = segmenter.segment(image(1, 50, 23, 2), template, click);
        assertEquals(50, r.mask().height());
        assertEquals(23, r.mask().width());
        assertEquals(50, r.probabilities().height());
        assertTrue(r.predictedIou() >= 0 && r.predictedIou() <= 1);
        try (PreparedTemplate prepared = segmenter.prepare(template, click)) {
            List<SegmentationResult> batch = prepared.segment(List.of(image(1, 32, 32, 3), image(1, 64, 16, 4)));
            assertEquals(16, batch.get(1).mask().width());
            assertEquals(64, batch.get(1).mask().height());
        }
    }

    @Test
    void aPreparedTemplateGivesTheSameResultAsAFullCallAndAsABatch() {
        Image template = image(3, 32, 32, 5);
        Image query = image(3, 32, 32, 6);
        Image other = image(3, 32, 32, 7);
        BBox box = new BBox(4, 4, 20, 25);
        float[] full = segmenter.segment(query, template, box).probabilities().data();
        try (PreparedTemplate prepared = segmenter.prepare(template, box)) {
            assertArrayEquals(full, prepared.segment(query).probabilities().data(), 1e-5f);
            List<SegmentationResult> batch = prepared.segment(List.of(other, query));
            assertArrayEquals(full, batch.get(1).probabilities().data(), 1e-5f);
        }
    }

    @Test
    void interactiveUseIsAskedForExplicitlyNeverInferredFromTheSameObject() {
        Image template = image(1, 32, 32, 8);
        Image copy = Image.of(template.data(), 1, 32, 32);
        Click click = Click.foreground(10, 10);
        float[] sameObject = segmenter.segment(template, template, click).probabilities().data();
        float[] oneShot = segmenter.segment(copy, template, click).probabilities().data();
        assertArrayEquals(oneShot, sameObject, 1e-6f, "passing the template as the query is still one-shot use");
        float[] interactive;
        try (InteractiveSession session = segmenter.interactive(template)) {
            interactive = session.segment(click).probabilities().data();
        }
        double diff = 0;
        for (int i = 0; i < interactive.length; i++) {
            diff += Math.abs(interactive[i] - oneShot[i]);
        }
        assertTrue(diff > 1e-3, "the image's own prompt channels must reach the model in interactive use");
    }

    @Test
    void fiveHundredCallsLeaveTheLiveArrayCountUnchanged() {
        Image template = image(1, 32, 32, 9);
        Image query = image(1, 32, 32, 10);
        Click click = Click.foreground(16, 16);
        segmenter.segment(query, template, click);
        int before = segmenter.manager().getManagedArrays().size();
        for (int i = 0; i < 500; i++) {
            segmenter.segment(query, template, click);
        }
        assertEquals(before, segmenter.manager().getManagedArrays().size());
        try (PreparedTemplate prepared = segmenter.prepare(template, click)) {
            int withTemplate = segmenter.manager().getManagedArrays().size();
            for (int i = 0; i < 100; i++) {
                prepared.segment(query);
            }
            assertEquals(withTemplate, segmenter.manager().getManagedArrays().size());
        }
        assertEquals(before, segmenter.manager().getManagedArrays().size());
    }

    @Test
    void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
        List<Image> queries = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        Image template = image(1, 32, 32, 11);
        Click click = Click.foreground(12, 20);
        for (int i = 0; i < 8; i++) {
            queries.add(image(1, 32, 32, 100 + i));
            expected.add(segmenter.segment(queries.get(i), template, click).probabilities().data());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Image q : queries) {
                    futures.add(pool.submit(() -> segmenter.segment(q, template, click).probabilities().data()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(expected.get(i % queries.size()), futures.get(i).get(), 1e-6f);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Image template = image(1, 32, 32, 12);
        Image query = image(1, 32, 32, 13);
        InvalidInputException outside = assertThrows(InvalidInputException.class,
                () -> segmenter.segment(query, template, Click.foreground(40, 5)));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        InvalidInputException channels = assertThrows(InvalidInputException.class,
                () -> segmenter.segment(image(3, 32, 32, 14), template, Click.foreground(5, 5)));
        assertTrue(channels.getMessage().contains("channel"), channels.getMessage());
        InvalidInputException size = assertThrows(InvalidInputException.class,
                () -> segmenter.segment(query, template, SegLab.of(disc(30, 30))));
        assertTrue(size.getMessage().contains("30x30") || size.getMessage().contains("30 x 30"), size.getMessage());
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> SegLab.of(Mask.empty(32, 32)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertThrows(InvalidInputException.class, () -> new BBox(20, 5, 10, 25));
        assertThrows(InvalidInputException.class,
                () -> new Stroke(List.of(new Point(3, 3), new Point(3, 3)), 1, true));
        InvalidInputException nan = assertThrows(InvalidInputException.class,
                () -> Image.of(new float[] {0, Float.NaN, 0, 0}, 1, 2, 2));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        InvalidInputException fourChannels = assertThrows(InvalidInputException.class,
                () -> segmenter.segment(image(4, 32, 32, 15), image(4, 32, 32, 16), Click.foreground(5, 5)));
        assertTrue(fourChannels.getMessage().contains("4 channels"), fourChannels.getMessage());
    }

    @Test
    void aWrappedModelOutlivesItsSegmenter() {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            org.onepro.model.internal.OnePromptModel model =
                    new org.onepro.model.internal.OnePromptModel(org.onepro.model.config.ModelPresets.get("tiny"));
            model.initialize(manager, 3);
            Image template = image(1, 32, 32, 20);
            Click click = Click.foreground(8, 8);
            Image query = image(1, 32, 32, 21);
            float[] first;
            try (Segmenter wrapped = SegmenterAccess.wrap(model)) {
                first = wrapped.segment(query, template, click).probabilities().data();
            }
            try (Segmenter again = SegmenterAccess.wrap(model)) {
                assertArrayEquals(first, again.segment(query, template, click).probabilities().data());
            }
            float[] own = segmenter.segment(query, template, click).probabilities().data();
            assertArrayEquals(own, first, 1e-6f, "a wrapped model with the same seed equals a fresh segmenter's");
        }
    }

    @Test
    void aClosedSegmenterSaysSo() {
        Segmenter s = Segmenter.untrained("tiny", 1);
        s.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.segment(image(1, 32, 32, 1), image(1, 32, 32, 2), Click.foreground(3, 3)));
        assertTrue(e.getMessage().contains("closed"));
    }

    private static Mask disc(int h, int w) {
        boolean[] m = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = Math.hypot(x - w / 2.0, y - h / 2.0) < w / 4.0;
            }
        }
        return Mask.of(m, h, w);
    }
}
