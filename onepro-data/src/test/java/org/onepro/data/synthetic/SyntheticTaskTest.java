package org.onepro.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabeledImage;

class SyntheticTaskTest {

    private static final long SEED = 7;

    private static List<LabeledImage> loadAll(SyntheticTask task, List<String> ids) {
        List<LabeledImage> out = new ArrayList<>();
        for (String id : ids) {
            out.add(task.load(id));
        }
        return out;
    }

    @Test
    void sameSeedAndIdGiveEqualSamples() {
        SyntheticTask a = SyntheticTasks.task(3, 8, 64, SEED);
        SyntheticTask b = SyntheticTasks.task(3, 8, 64, SEED);

        assertEquals(a.load("0005"), b.load("0005"));
        assertEquals(a.load("0005"), a.load("0005"));
    }

    @Test
    void differentIdsTasksAndSeedsGiveDifferentSamples() {
        SyntheticTask task = SyntheticTasks.task(3, 8, 64, SEED);
        Image first = task.load("0000").image();

        assertNotEquals(first, task.load("0001").image());
        assertNotEquals(first, SyntheticTasks.task(4, 8, 64, SEED).load("0000").image());
        assertNotEquals(first, SyntheticTasks.task(3, 8, 64, SEED + 1).load("0000").image());
    }

    @Test
    void loadingOrderDoesNotMatter() {
        SyntheticTask task = SyntheticTasks.task(1, 10, 64, SEED);
        List<LabeledImage> forward = loadAll(task, task.ids());
        List<String> reversed = new ArrayList<>(task.ids());
        Collections.reverse(reversed);

        List<LabeledImage> backward = loadAll(task, reversed);
        Collections.reverse(backward);

        assertEquals(forward, backward);
    }

    @Test
    void fourThreadsLoadingInDifferentOrdersGiveTheSameSamples() throws Exception {
        SyntheticTask task = SyntheticTasks.task(2, 12, 64, SEED);
        List<LabeledImage> expected = loadAll(task, task.ids());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<LabeledImage>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<String> order = new ArrayList<>(task.ids());
                Collections.shuffle(order, new Random(t));
                futures.add(pool.submit(() -> {
                    List<LabeledImage> loaded = new ArrayList<>(Collections.nCopies(order.size(), null));
                    for (String id : order) {
                        loaded.set(Integer.parseInt(id), task.load(id));
                    }
                    return loaded;
                }));
            }
            for (Future<List<LabeledImage>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void namesAndIdsFollowTheIndexAndCount() {
        SyntheticTask task = SyntheticTasks.task(5, 12, 64, SEED);

        assertEquals("synthetic-5", task.name());
        assertEquals(12, task.ids().size());
        assertEquals("0000", task.ids().get(0));
        assertEquals("0011", task.ids().get(11));
        LabeledImage sample = task.load("0011");
        assertEquals("synthetic-5", sample.task());
        assertEquals("0011", sample.id());
        assertTrue(sample.scribbles().isEmpty());
    }

    @Test
    void idsWidenBeyondFourDigitsWhenNeeded() {
        SyntheticTask task = new SyntheticTask(0, SyntheticTasks.task(0, 1, 64, SEED).spec(), 10_001);

        assertEquals("00000", task.ids().get(0));
        assertEquals("10000", task.ids().get(10_000));
    }

    @Test
    void unknownIdsAreRejectedWithTheValidRange() {
        SyntheticTask task = SyntheticTasks.task(5, 12, 64, SEED);

        for (String bad : new String[] {"0012", "12", "00001", "abcd", "-001", ""}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> task.load(bad));
            assertTrue(e.getMessage().contains("0000 to 0011"), e.getMessage());
        }
    }

    @Test
    void invalidCountsAndSizesAreRejected() {
        SyntheticTaskSpec spec = SyntheticTasks.task(0, 1, 64, SEED).spec();

        assertThrows(InvalidInputException.class, () -> new SyntheticTask(0, spec, 0));
        assertThrows(InvalidInputException.class, () -> SyntheticTasks.create(-1, 4, 64, SEED));
        assertThrows(InvalidInputException.class, () -> SyntheticTasks.task(0, 4, 16, SEED));
        assertThrows(InvalidInputException.class, () -> SyntheticTasks.task(-1, 4, 64, SEED));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 256})
    void samplesHaveTheRequestedSizeValidValuesAndATarget(int size) {
        // Fewer samples at larger sizes keep the test quick while still covering tasks of every kind.
        int tasks = size == 256 ? 8 : 20;
        int samples = size == 64 ? 5 : 2;
        for (int t = 0; t < tasks; t++) {
            SyntheticTask task = SyntheticTasks.task(t, samples, size, SEED);
            for (String id : task.ids()) {
                LabeledImage sample = task.load(id);
                Image image = sample.image();
                assertEquals(1, image.channels());
                assertEquals(size, image.height());
                assertEquals(size, image.width());
                for (float v : image.data()) {
                    assertTrue(v >= 0f && v <= 1f, task.name() + "/" + id + " has value " + v);
                }
                int[] labels = sample.labels().data();
                int target = 0;
                for (int v : labels) {
                    assertTrue(v == 0 || v == 1, task.name() + "/" + id + " has label " + v);
                    target += v;
                }
                double fraction = target / (double) labels.length;
                assertTrue(fraction >= 0.005 && fraction <= 0.6,
                        task.name() + "/" + id + " target covers " + fraction + " of the image");
            }
        }
    }

    @Test
    void everyStyleLabelledKeepsTheImageAndTheTargetAndLabelsTheDistractors() {
        int withDistractorLabels = 0;
        for (int t = 0; t < 10; t++) {
            SyntheticTask single = SyntheticTasks.task(t, 3, 64, SEED);
            SyntheticTask all = single.everyStyleLabelled();
            assertEquals(single.name() + "-all", all.name());
            int distractorStyles = single.spec().distractors().size();
            for (String id : single.ids()) {
                LabeledImage one = single.load(id);
                LabeledImage many = all.load(id);
                assertEquals(one.image(), many.image(), "the scene must not change, only its labels");
                int[] a = one.labels().data();
                int[] b = many.labels().data();
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i] == 1, b[i] == 1, "target pixels must stay label 1");
                    assertTrue(b[i] >= 0 && b[i] <= 1 + distractorStyles, "label " + b[i]);
                }
                if (many.labels().labels().size() > 1) {
                    withDistractorLabels++;
                }
            }
        }
        assertTrue(withDistractorLabels >= 25, "most scenes show a distractor: " + withDistractorLabels + " of 30");
    }
}
