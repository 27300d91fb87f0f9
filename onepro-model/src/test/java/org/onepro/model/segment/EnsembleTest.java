package org.onepro.model.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.result.EnsembleResult;
import org.onepro.core.result.SegmentationResult;

class EnsembleTest {

    private static Segmenter segmenter;

    @BeforeAll
    static void open() {
        segmenter = Segmenter.untrained("tiny", 3);
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    private static Image image(int c, int h, int w, long seed) {
        return SegmenterTest.image(c, h, w, seed);
    }

    @Test
    void aPreparedEnsembleGivesEachQueryTheResultOfAFreshEnsembleCall() {
        List<PromptedTemplate> templates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            templates.add(new PromptedTemplate(image(1, 40 + i, 50, 10 + i), Click.foreground(5 + 2 * i, 12)));
        }
        templates.add(new PromptedTemplate(image(1, 33, 33, 30), new BBox(3, 4, 20, 25)));
        try (PreparedEnsemble prepared = segmenter.prepare(templates)) {
            assertEquals(11, prepared.size());
            for (long seed = 1; seed <= 2; seed++) {
                Image query = image(1, 45, 37, seed);
                EnsembleResult direct = segmenter.segment(query, templates);
                EnsembleResult reused = prepared.segment(query);
                assertEquals(11, reused.templates());
                assertArrayEquals(direct.probabilities().data(), reused.probabilities().data(), 1e-5f);
                assertArrayEquals(direct.variance().data(), reused.variance().data(), 1e-6f);
                assertEquals(direct.predictedIou(), reused.predictedIou(), 1e-5);
            }
            int arrays = segmenter.manager().getManagedArrays().size();
            for (int i = 0; i < 30; i++) {
                prepared.segment(image(1, 20, 20, 100 + i));
            }
            assertEquals(arrays, segmenter.manager().getManagedArrays().size(),
                    "repeated calls must not leave native arrays behind");
            assertThrows(InvalidInputException.class, () -> prepared.segment(image(3, 20, 20, 1)));
        }
    }

    @Test
    void anEnsembleOfIdenticalTemplatesEqualsOneTemplate() {
        Image query = image(1, 45, 37, 1);
        Image template = image(1, 40, 60, 2);
        Click click = Click.foreground(30, 20);
        SegmentationResult single = segmenter.segment(query, template, click);
        // 11 members cross a batch boundary (8 + 3), so batching must not change a member's result.
        EnsembleResult e = segmenter.segment(query, Collections.nCopies(11, new PromptedTemplate(template, click)));

        assertEquals(11, e.templates());
        assertEquals(45, e.probabilities().height());
        assertEquals(37, e.probabilities().width());
        assertArrayEquals(single.probabilities().data(), e.probabilities().data(), 1e-5f);
        assertEquals(single.predictedIou(), e.predictedIou(), 1e-5);
        float maxVariance = 0;
        for (float v : e.variance().data()) {
            maxVariance = Math.max(maxVariance, v);
        }
        assertTrue(maxVariance < 1e-9, "identical templates must agree, variance " + maxVariance);
    }

    @Test
    void differentTemplatesGiveTheMeanOfTheirSingleResultsAndAVariance() {
        Image query = image(3, 32, 32, 3);
        List<PromptedTemplate> templates = List.of(
                new PromptedTemplate(image(3, 32, 32, 4), Click.foreground(8, 8)),
                new PromptedTemplate(image(3, 50, 20, 5), new BBox(2, 10, 15, 40)),
                new PromptedTemplate(image(3, 32, 32, 6), Click.foreground(20, 25).withBackground(3, 3)));
        EnsembleResult e = segmenter.segment(query, templates);

        float[] mean = new float[32 * 32];
        for (PromptedTemplate t : templates) {
            float[] p = segmenter.segment(query, t.template(), t.prompt()).probabilities().data();
            for (int i = 0; i < p.length; i++) {
                mean[i] += p[i] / templates.size();
            }
        }
        assertArrayEquals(mean, e.probabilities().data(), 1e-5f);
        double total = 0;
        for (float v : e.variance().data()) {
            total += v;
        }
        assertTrue(total > 0, "different templates must disagree somewhere");
    }

    @Test
    void aTemplateThatIsTheQueryIsStillOneShotUse() {
        Image query = image(1, 32, 32, 7);
        Click click = Click.foreground(10, 12);
        float[] oneShot = segmenter.segment(Image.of(query.data(), 1, 32, 32), query, click).probabilities().data();
        EnsembleResult e = segmenter.segment(query, List.of(new PromptedTemplate(query, click),
                new PromptedTemplate(query, click)));
        assertArrayEquals(oneShot, e.probabilities().data(), 1e-5f);
    }

    @Test
    void segmentEachHandsOverEveryResultInTemplateOrder() {
        Image query = image(1, 32, 32, 8);
        Image template = image(1, 32, 32, 9);
        List<PromptedTemplate> templates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            templates.add(new PromptedTemplate(i == 2 ? query : template, Click.foreground(4 + 5 * i, 6 + 4 * i)));
        }
        List<Integer> order = new ArrayList<>();
        List<float[]> results = new ArrayList<>();
        segmenter.segmentEach(query, templates, 2, (r, i) -> {
            order.add(i);
            results.add(r.probabilities().data());
        });
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        for (int i = 0; i < templates.size(); i++) {
            PromptedTemplate t = templates.get(i);
            assertArrayEquals(segmenter.segment(query, t.template(), t.prompt()).probabilities().data(),
                    results.get(i), 1e-5f, "template " + i);
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        Image query = image(1, 32, 32, 10);
        PromptedTemplate good = new PromptedTemplate(image(1, 32, 32, 11), Click.foreground(3, 3));
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> segmenter.segment(query, List.<PromptedTemplate>of()));
        assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> segmenter.segment(query, (List<PromptedTemplate>) null));
        assertTrue(none.getMessage().contains("at least one"), none.getMessage());
        InvalidInputException channels = assertThrows(InvalidInputException.class, () -> segmenter.segment(query,
                List.of(good, new PromptedTemplate(image(3, 32, 32, 12), Click.foreground(3, 3)))));
        assertTrue(channels.getMessage().contains("template 1 has 3 channel(s)"), channels.getMessage());
        InvalidInputException noQuery = assertThrows(InvalidInputException.class,
                () -> segmenter.segment((Image) null, List.of(good)));
        assertTrue(noQuery.getMessage().contains("query"), noQuery.getMessage());
        List<PromptedTemplate> withNull = new ArrayList<>();
        withNull.add(good);
        withNull.add(null);
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> segmenter.segment(query, withNull));
        assertTrue(missing.getMessage().contains("1 is missing"), missing.getMessage());
        assertThrows(InvalidInputException.class, () -> segmenter.segmentEach(query, List.of(good), 0, (r, i) -> { }));
    }

    @Test
    void twoHundredEnsembleCallsLeaveTheLiveArrayCountUnchanged() {
        Image query = image(1, 32, 32, 13);
        Image template = image(1, 32, 32, 14);
        List<PromptedTemplate> templates = List.of(
                new PromptedTemplate(template, new BBox(3, 3, 20, 20)),
                new PromptedTemplate(query, Click.foreground(5, 9)));
        List<Prompt> prompts = List.of(new BBox(3, 3, 20, 20), Click.foreground(5, 9));
        segmenter.segment(query, templates);
        int before = segmenter.manager().getManagedArrays().size();
        // Both the shared-query path (ensembles) and the interactive path (segmentEach of a session) are counted.
        for (int i = 0; i < 200; i++) {
            segmenter.segment(query, templates);
        }
        for (int i = 0; i < 50; i++) {
            try (InteractiveSession session = segmenter.interactive(query)) {
                session.segmentEach(prompts, 2, (r, k) -> { });
            }
        }
        assertEquals(before, segmenter.manager().getManagedArrays().size());
    }

    @Test
    void anEnsembleOnAClosedSegmenterSaysSo() {
        Segmenter s = Segmenter.untrained("tiny", 1);
        s.close();
        Image q = image(1, 32, 32, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.segment(q, List.of(new PromptedTemplate(q, (Prompt) Click.foreground(3, 3)))));
        assertTrue(e.getMessage().contains("closed"));
    }
}
