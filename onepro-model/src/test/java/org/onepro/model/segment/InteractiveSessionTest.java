package org.onepro.model.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.Stroke;
import org.onepro.core.result.SegmentationResult;
import org.onepro.model.config.ModelPresets;

class InteractiveSessionTest {

    private static Segmenter segmenter;

    @BeforeAll
    static void open() {
        segmenter = Segmenter.untrained("tiny", 3);
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    /** The result of a new session's first call: what a single interactive call gives. */
    private static SegmentationResult fresh(Segmenter s, Image image, Prompt prompt) {
        try (InteractiveSession session = s.interactive(image)) {
            return session.segment(prompt);
        }
    }

    private static Image image(int h, int w, long seed) {
        return SegmenterTest.image(1, h, w, seed);
    }

    @Test
    void aBoxOnTheImageBeingSegmentedConfinesTheResultToTheBox() {
        Image image = image(40, 30, 2);
        BBox box = new BBox(5.5, 8.5, 14.5, 20.5);
        SegmentationResult inSession;
        try (InteractiveSession session = segmenter.interactive(image)) {
            inSession = session.segment(box);
        }
        float[][] batched = new float[1][];
        try (InteractiveSession session = segmenter.interactive(image)) {
            session.segmentEach(List.of(box), 4, (r, i) -> batched[0] = r.probabilities().data());
        }
        assertArrayEquals(inSession.probabilities().data(), batched[0], 1e-5f, "segmentEach confines it alike");
        float[] p = inSession.probabilities().data();
        float inside = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 30; x++) {
                boolean in = x >= 5 && x <= 15 && y >= 8 && y <= 21;
                if (in) {
                    inside = Math.max(inside, p[y * 30 + x]);
                } else {
                    assertEquals(0f, p[y * 30 + x], "pixel (" + x + ", " + y + ") lies outside the box");
                }
            }
        }
        assertTrue(inside > 0, "the box must not blank its own inside");
        // On another image the template's box says nothing about where the target lies.
        float[] oneShot = segmenter.segment(image(40, 30, 3), image, box).probabilities().data();
        assertTrue(oneShot[0] > 0 && oneShot[39 * 30 + 29] > 0, "a one-shot result is not cut to the template's box");
    }

    @Test
    void refiningAClickAddsTheNewClickAndSegmentsAgain() {
        Image image = image(40, 30, 1);
        try (InteractiveSession session = segmenter.interactive(image)) {
            assertNull(session.prompt());
            SegmentationResult first = session.segment(Click.foreground(10, 12));
            SegmentationResult refined = session.refine(Click.foreground(20, 30));

            assertEquals(40, refined.mask().height());
            assertEquals(30, refined.mask().width());
            Click merged = (Click) session.prompt();
            assertEquals(List.of(new ClickPoint(new Point(10, 12), true), new ClickPoint(new Point(20, 30), true)),
                    merged.points());
            float[] direct = fresh(segmenter, image, merged).probabilities().data();
            assertArrayEquals(direct, refined.probabilities().data(), 1e-5f,
                    "a refined session call equals a fresh interactive call with the merged prompt");
            assertTrue(diff(first.probabilities().data(), refined.probabilities().data()) > 1e-4,
                    "the second click must reach the model");
        }
    }

    @Test
    void addClickTakesBackgroundClicksAfterAForegroundOne() {
        Image image = image(40, 30, 2);
        try (InteractiveSession session = segmenter.interactive(image)) {
            InvalidInputException first = assertThrows(InvalidInputException.class,
                    () -> session.addClick(5, 5, false));
            assertTrue(first.getMessage().contains("foreground"), first.getMessage());
            assertNull(session.prompt(), "a refused click leaves no prompt behind");

            session.addClick(10, 12, true);
            SegmentationResult withBackground = session.addClick(3, 35, false);

            Click merged = (Click) session.prompt();
            assertEquals(List.of(new ClickPoint(new Point(10, 12), true), new ClickPoint(new Point(3, 35), false)),
                    merged.points());
            assertArrayEquals(fresh(segmenter, image, merged).probabilities().data(),
                    withBackground.probabilities().data(), 1e-5f);
            session.segment(new BBox(2, 2, 20, 20));
            InvalidInputException onBox = assertThrows(InvalidInputException.class,
                    () -> session.addClick(5, 5, false));
            assertTrue(onBox.getMessage().contains("bbox"), onBox.getMessage());
        }
    }

    @Test
    void resultsAreDeterministic() {
        Image image = image(32, 32, 2);
        BBox box = new BBox(4, 5, 20, 22);
        try (InteractiveSession a = segmenter.interactive(image); InteractiveSession b = segmenter.interactive(image)) {
            float[] once = a.segment(box).probabilities().data();
            // Something else in between must leave no trace in the next result.
            a.segment(Click.foreground(3, 3).withBackground(1, 1));
            a.refine(Click.foreground(9, 9));
            assertArrayEquals(once, a.segment(box).probabilities().data());
            assertArrayEquals(once, b.segment(box).probabilities().data());
        }
    }

    @Test
    void doodlesAddStrokesBoxesReplaceAndMixedTypesAreRefused() {
        Image image = image(32, 32, 3);
        Stroke one = new Stroke(List.of(new Point(3, 3), new Point(10, 8)), 2, true);
        Stroke two = new Stroke(List.of(new Point(20, 20), new Point(25, 28)), 2, false);
        try (InteractiveSession session = segmenter.interactive(image)) {
            session.segment(Doodle.of(List.of(one)));
            session.refine(Doodle.of(List.of(new Stroke(two.points(), 2, true))));
            assertEquals(2, ((Doodle) session.prompt()).strokes().size());

            BBox second = new BBox(1, 1, 9, 9);
            session.segment(new BBox(5, 5, 20, 20));
            session.refine(second);
            assertEquals(second, session.prompt());

            InvalidInputException mixed = assertThrows(InvalidInputException.class,
                    () -> session.refine(Click.foreground(4, 4)));
            assertTrue(mixed.getMessage().contains("BBOX") && mixed.getMessage().contains("CLICK"),
                    mixed.getMessage());
            assertEquals(second, session.prompt(), "a refused refinement leaves the prompt unchanged");
            InvalidInputException outside = assertThrows(InvalidInputException.class,
                    () -> session.refine(new BBox(1, 1, 40, 9)));
            assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
            assertEquals(second, session.prompt());
        }
    }

    @Test
    void aRefinementBeforeAnyPromptIsAPlainSegment() {
        Image image = image(32, 32, 4);
        try (InteractiveSession session = segmenter.interactive(image)) {
            Click click = Click.foreground(7, 7);
            float[] refined = session.refine(click).probabilities().data();
            assertEquals(click, session.prompt());
            assertArrayEquals(refined, session.segment(click).probabilities().data());
        }
    }

    @Test
    void theSessionsNativeMemoryIsFreedOnClose() {
        Image image = image(32, 32, 5);
        int before = segmenter.manager().getManagedArrays().size();
        InteractiveSession session = segmenter.interactive(image);
        int open = segmenter.manager().getManagedArrays().size();
        session.segment(Click.foreground(8, 8));
        for (int i = 0; i < 20; i++) {
            session.refine(Click.foreground(8 + i % 5, 9));
        }
        assertEquals(open, segmenter.manager().getManagedArrays().size(), "calls keep nothing");
        session.close();
        assertEquals(before, segmenter.manager().getManagedArrays().size());
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> session.segment(Click.foreground(8, 8)));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        session.close();
    }

    @Test
    void withoutEncoderPromptChannelsTheCachedEncodingGivesTheSameResult() {
        try (Segmenter plain = Segmenter.fromConfig(ModelPresets.get("tiny").withPromptChannels(false), 5)) {
            Image image = image(36, 28, 6);
            Click click = Click.foreground(12, 20).withBackground(3, 30);
            int before = plain.manager().getManagedArrays().size();
            try (InteractiveSession session = plain.interactive(image)) {
                assertTrue(plain.manager().getManagedArrays().size() > before + 1,
                        "the image's features are cached when the prompt does not reach the encoder");
                float[][] uncached = new float[2][];
                BBox box = new BBox(2, 2, 20, 30);
                // segmentEach encodes the image with each prompt afresh, so it is the uncached reference.
                session.segmentEach(List.of(click, box), 1, (r, i) -> uncached[i] = r.probabilities().data());
                assertArrayEquals(uncached[0], session.segment(click).probabilities().data(), 1e-5f);
                assertArrayEquals(uncached[1], session.segment(box).probabilities().data(), 1e-5f);
            }
            assertEquals(before, plain.manager().getManagedArrays().size());
        }
    }

    @Test
    void segmentEachGivesEveryPromptsOwnResultInOrderAndKeepsTheCurrentPrompt() {
        Image image = image(40, 30, 7);
        List<Prompt> prompts = List.of(Click.foreground(5, 6), new BBox(3, 3, 20, 30), Click.foreground(25, 35));
        try (InteractiveSession session = segmenter.interactive(image)) {
            Click current = Click.foreground(10, 10);
            session.segment(current);
            List<Integer> order = new ArrayList<>();
            List<float[]> results = new ArrayList<>();
            session.segmentEach(prompts, 2, (r, i) -> {
                order.add(i);
                results.add(r.probabilities().data());
            });
            assertEquals(List.of(0, 1, 2), order);
            for (int i = 0; i < prompts.size(); i++) {
                assertArrayEquals(fresh(segmenter, image, prompts.get(i)).probabilities().data(), results.get(i),
                        1e-5f, "prompt " + i);
            }
            assertEquals(current, session.prompt(), "segmentEach leaves the session's prompt alone");
            InvalidInputException empty = assertThrows(InvalidInputException.class,
                    () -> session.segmentEach(List.of(), 2, (r, i) -> { }));
            assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
            InvalidInputException batch = assertThrows(InvalidInputException.class,
                    () -> session.segmentEach(prompts, 0, (r, i) -> { }));
            assertTrue(batch.getMessage().contains("at least 1"), batch.getMessage());
            InvalidInputException outside = assertThrows(InvalidInputException.class,
                    () -> session.segmentEach(List.of(Click.foreground(500, 5)), 2, (r, i) -> { }));
            assertTrue(outside.getMessage().contains("500"), outside.getMessage());
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        assertThrows(InvalidInputException.class, () -> segmenter.interactive(null));
        InvalidInputException channels = assertThrows(InvalidInputException.class,
                () -> segmenter.interactive(SegmenterTest.image(4, 8, 8, 1)));
        assertTrue(channels.getMessage().contains("4 channels"), channels.getMessage());
        try (InteractiveSession session = segmenter.interactive(image(32, 32, 7))) {
            assertThrows(InvalidInputException.class, () -> session.segment(null));
            assertThrows(InvalidInputException.class, () -> session.refine(null));
        }
    }

    private static double diff(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d;
    }
}
