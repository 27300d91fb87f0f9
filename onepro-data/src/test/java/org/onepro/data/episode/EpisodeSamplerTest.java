package org.onepro.data.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class EpisodeSamplerTest {

    /** An in-memory task of {@code n} 16x16 images, each with one square of label 1 (and 2 on odd ids). */
    static TaskDataset task(String name, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("%04d", i));
        }
        return new TaskDataset() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> ids() {
                return ids;
            }

            @Override
            public LabeledImage load(String id) {
                int k = Integer.parseInt(id);
                int[] labels = new int[256];
                float[] pixels = new float[256];
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int off = k % 5;
                        if (y >= 2 + off && y < 8 + off && x >= 2 && x < 8) {
                            labels[y * 16 + x] = 1;
                        } else if (k % 2 == 1 && y >= 10 && x >= 10) {
                            labels[y * 16 + x] = 2;
                        }
                        pixels[y * 16 + x] = labels[y * 16 + x] * 0.3f;
                    }
                }
                return LabeledImage.of(name, id, Image.of(pixels, 1, 16, 16), LabelMap.of(labels, 16, 16));
            }
        };
    }

    static Click centre(Mask m) {
        int[] box = m.boundingBox().orElseThrow();
        return Click.foreground((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0);
    }

    static EpisodeSampler.Builder builder(List<TaskDataset> tasks) {
        Map<String, List<String>> templates = new HashMap<>();
        Map<String, List<String>> queries = new HashMap<>();
        for (TaskDataset t : tasks) {
            List<String> ids = t.ids();
            int cut = Math.max(1, ids.size() / 5);
            templates.put(t.name(), ids.subList(0, cut));
            queries.put(t.name(), ids.size() > cut ? ids.subList(cut, ids.size()) : ids);
        }
        return EpisodeSampler.builder().setTasks(tasks).setTemplateIds(templates::get).setQueryIds(queries::get)
                .optPromptSource((type, mask, quality, rng) -> centre(mask)).optSeed(7);
    }

    @Test
    void tasksAreBalancedWhateverTheirSize() {
        List<TaskDataset> tasks = List.of(task("a", 5), task("b", 40), task("c", 400));
        EpisodeSampler sampler = builder(tasks).build();
        Map<String, Integer> counts = new HashMap<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            counts.merge(sampler.episode(i).task(), 1, Integer::sum);
        }
        for (TaskDataset t : tasks) {
            double share = counts.get(t.name()) / (double) n;
            assertEquals(1.0 / 3, share, 0.02, "share of task " + t.name() + ": " + counts);
        }
    }

    @Test
    void theQualityMixDrawsTheSameWhateverOrderItsMapIteratesIn() {
        // Map.of iterates in an order that changes between JVMs; the stream of a seed must not follow it.
        Map<Quality, Double> oracleFirst = new LinkedHashMap<>();
        oracleFirst.put(Quality.ORACLE, 0.25);
        oracleFirst.put(Quality.HIGH, 0.35);
        oracleFirst.put(Quality.MEDIUM, 0.25);
        oracleFirst.put(Quality.LOW, 0.15);
        Map<Quality, Double> lowFirst = new LinkedHashMap<>();
        lowFirst.put(Quality.LOW, 0.15);
        lowFirst.put(Quality.MEDIUM, 0.25);
        lowFirst.put(Quality.HIGH, 0.35);
        lowFirst.put(Quality.ORACLE, 0.25);
        List<TaskDataset> tasks = List.of(task("a", 10), task("b", 10));
        EpisodeSampler one = builder(tasks).optQualityMix(oracleFirst).build();
        EpisodeSampler other = builder(tasks).optQualityMix(lowFirst).build();
        for (int i = 0; i < 200; i++) {
            assertEquals(one.episode(i).quality(), other.episode(i).quality(), "episode " + i);
        }
    }

    @Test
    void taskWeightsSetEachTasksShareAndAnUnnamedTaskWeighsOne() {
        List<TaskDataset> tasks = List.of(task("a", 5), task("b", 40), task("c", 400));
        EpisodeSampler sampler = builder(tasks).optTaskWeights(Map.of("a", 3.0, "c", 0.5)).build();
        Map<String, Integer> counts = new HashMap<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            counts.merge(sampler.episode(i).task(), 1, Integer::sum);
        }
        Map<String, Double> expected = Map.of("a", 3 / 4.5, "b", 1 / 4.5, "c", 0.5 / 4.5);
        expected.forEach((name, share) -> assertEquals(share, counts.get(name) / (double) n, 0.02,
                "share of task " + name + ": " + counts));
    }

    @Test
    void taskWeightsNamingAnAbsentTaskOrNotPositiveAreRefused() {
        List<TaskDataset> tasks = List.of(task("a", 5), task("b", 40));
        InvalidInputException absent = assertThrows(InvalidInputException.class,
                () -> builder(tasks).optTaskWeights(Map.of("a", 2.0, "spleen", 2.0)).build());
        assertTrue(absent.getMessage().contains("[spleen]") && absent.getMessage().contains("[a, b]"),
                absent.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> builder(tasks).optTaskWeights(Map.of("b", 0.0)));
        assertTrue(zero.getMessage().contains("task b"), zero.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameStreamWithOneOrTwoWorkers() {
        List<TaskDataset> tasks = List.of(task("a", 6), task("b", 30));
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        try (EpisodeStream s1 = new EpisodeStream(builder(tasks).build(), 8, 1, 2, 0);
                EpisodeStream s2 = new EpisodeStream(builder(tasks).build(), 8, 2, 3, 0)) {
            for (int b = 0; b < 20; b++) {
                s1.next().forEach(e -> one.add(describe(e)));
                s2.next().forEach(e -> two.add(describe(e)));
            }
        }
        assertEquals(one, two);
        List<String> other = new ArrayList<>();
        EpisodeSampler reseeded = builder(tasks).optSeed(8).build();
        for (int i = 0; i < one.size(); i++) {
            other.add(describe(reseeded.episode(i)));
        }
        assertNotEquals(one, other);
    }

    @Test
    void aResumedStreamContinuesWhereItStopped() {
        List<TaskDataset> tasks = List.of(task("a", 6), task("b", 30));
        List<String> straight = new ArrayList<>();
        try (EpisodeStream s = new EpisodeStream(builder(tasks).build(), 4, 2, 2, 0)) {
            for (int b = 0; b < 6; b++) {
                s.next().forEach(e -> straight.add(describe(e)));
            }
        }
        List<String> resumed = new ArrayList<>();
        try (EpisodeStream s = new EpisodeStream(builder(tasks).build(), 4, 2, 2, 0)) {
            for (int b = 0; b < 3; b++) {
                s.next().forEach(e -> resumed.add(describe(e)));
            }
            assertEquals(12, s.position());
        }
        try (EpisodeStream s = new EpisodeStream(builder(tasks).build(), 4, 1, 2, 12)) {
            for (int b = 0; b < 3; b++) {
                s.next().forEach(e -> resumed.add(describe(e)));
            }
        }
        assertEquals(straight, resumed);
    }

    @Test
    void templatesDifferFromQueriesAtTheConfiguredRate() {
        EpisodeSampler sampler = builder(List.of(task("a", 50))).optDifferentImageProbability(0.9).build();
        int same = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            Episode e = sampler.episode(i);
            if (e.template().id().equals(e.query().id())) {
                same++;
            }
            assertTrue(e.template().labels().labels().contains(e.label()), "template holds the target label");
            assertTrue(!e.queryMask().isEmpty() && !e.templateMask().isEmpty());
        }
        assertEquals(0.1, same / (double) n, 0.02);
    }

    /** Episodes whose template is the query's own image, augmented as a cross-image template would be. */
    private static int misalignedPairs(EpisodeSampler.Builder builder) {
        EpisodeSampler sampler = builder.optDifferentImageProbability(0).build();
        int misaligned = 0;
        for (int i = 0; i < 400; i++) {
            Episode e = sampler.episode(i);
            assertEquals(e.query().id(), e.template().id());
            if (!e.queryMask().equals(e.templateMask())) {
                misaligned++;
            }
        }
        return misaligned;
    }

    @Test
    void aSharedAugmentationMovesQueryAndTemplateTogether() {
        List<TaskDataset> tasks = List.of(task("a", 20));
        int shared = misalignedPairs(builder(tasks).optSharedAugment(new org.onepro.data.augment.Flip(0.5, 0.5)));
        int independent = misalignedPairs(builder(tasks).optAugment(new org.onepro.data.augment.Flip(0.5, 0.5)));
        assertEquals(0, shared, "query and template mirrored alike");
        // Two independent draws of two 50 % mirrors agree a quarter of the time.
        assertEquals(0.75, independent / 400.0, 0.07);
    }

    @Test
    void anOrientationOfTheOriginalsMirrorsThePairAlikeOnlyWhenShared() {
        List<TaskDataset> tasks = List.of(task("a", 20));
        int shared = misalignedPairs(builder(tasks).optOrientation(new org.onepro.data.augment.Flip(0.5, 0.5), true));
        int own = misalignedPairs(builder(tasks).optOrientation(new org.onepro.data.augment.Flip(0.5, 0.5), false));
        assertEquals(0, shared, "query and template mirrored alike");
        assertEquals(0.75, own / 400.0, 0.07);
    }

    @Test
    void anOrientationIsAppliedBeforePreprocessingSoThePaddingStaysBelowTheMirroredImage() {
        // A stand-in letterbox: 8 rows of padding, marked -1, below each 16 x 16 image.
        org.onepro.data.transform.Transform padBottom = (s, rng) -> {
            float[] pixels = java.util.Arrays.copyOf(s.image().data(), 24 * 16);
            java.util.Arrays.fill(pixels, 16 * 16, 24 * 16, -1f);
            int[] labels = java.util.Arrays.copyOf(s.labels().data(), 24 * 16);
            return LabeledImage.of(s.task(), s.id(), Image.of(pixels, 1, 24, 16), LabelMap.of(labels, 24, 16));
        };
        org.onepro.data.augment.Flip upsideDown = new org.onepro.data.augment.Flip(0, 1);
        Episode before = builder(List.of(task("a", 20))).optPreprocess(padBottom).optOrientation(upsideDown, true)
                .build().episode(0);
        Episode after = builder(List.of(task("a", 20))).optPreprocess(padBottom).optSharedAugment(upsideDown)
                .build().episode(0);

        assertEquals(8 * 16, paddingIn(before.query().image(), 16, 24), "padding stays below the mirrored image");
        assertEquals(8 * 16, paddingIn(before.template().image(), 16, 24));
        assertEquals(8 * 16, paddingIn(after.query().image(), 0, 8), "mirroring after padding moves it to the top");
        int[] box = before.queryMask().boundingBox().orElseThrow();
        assertTrue(box[3] < 16, "the target stays in the image rows");
    }

    private static int paddingIn(Image image, int fromRow, int toRow) {
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.get(0, y, x) == -1f) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void interactiveEpisodesUseOneImageForBoth() {
        EpisodeSampler sampler = builder(List.of(task("a", 50))).optInteractiveProbability(0.25).build();
        int interactive = 0;
        for (int i = 0; i < 2000; i++) {
            Episode e = sampler.episode(i);
            if (e.interactive()) {
                interactive++;
                assertEquals(e.query(), e.template());
            }
        }
        assertEquals(0.25, interactive / 2000.0, 0.03);
    }

    @Test
    void wrongPromptsAreNeverTrainingData() {
        assertThrows(IllegalArgumentException.class,
                () -> builder(List.of(task("a", 5))).optQualityMix(Map.of(Quality.WRONG, 1.0)));
        assertThrows(IllegalArgumentException.class, () -> builder(List.of(task("a", 5))).optInteractiveProbability(2));
    }

    @Test
    void augmentationDrawsFromTheEpisodesOwnGenerator() {
        List<TaskDataset> tasks = List.of(task("a", 20));
        EpisodeSampler sampler = builder(tasks).optAugment((s, rng) -> {
            int shift = rng.nextInt(3);
            float[] v = s.image().data();
            v[shift] += 0.5f;
            return new LabeledImage(s.task(), s.id() + "+" + shift, Image.of(v, 1, 16, 16), s.labels(), s.scribbles());
        }).build();
        assertEquals(describe(sampler.episode(3)), describe(sampler.episode(3)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(sampler.episode(i).query().id());
        }
        assertTrue(ids.stream().map(id -> id.substring(id.indexOf('+'))).distinct().count() > 1,
                "augmentation draws differ between episodes: " + ids);
    }

    @Test
    void doodleEpisodesUseHumanScribblesAtTheConfiguredRate() {
        // One label per image and a drawn foreground stroke along row 5 of the square at rows 2..7, columns 2..7.
        TaskDataset plain = task("a", 20);
        TaskDataset scribbled = new TaskDataset() {
            @Override
            public String name() {
                return "a";
            }

            @Override
            public List<String> ids() {
                return plain.ids();
            }

            @Override
            public LabeledImage load(String id) {
                LabeledImage s = plain.load(id);
                int[] single = s.labels().data().clone();
                int[] strokes = new int[single.length];
                for (int i = 0; i < single.length; i++) {
                    single[i] = single[i] == 1 ? 1 : 0;
                }
                for (int x = 3; x < 7; x++) {
                    strokes[5 * 16 + x] = 1;
                }
                return new LabeledImage(s.task(), id, s.image(), LabelMap.of(single, 16, 16),
                        Optional.of(LabelMap.of(strokes, 16, 16)));
            }
        };
        EpisodeSampler always = builder(List.of(scribbled)).optPromptTypes(Set.of(PromptType.DOODLE))
                .optHumanDoodleProbability(1).build();
        EpisodeSampler half = builder(List.of(scribbled)).optPromptTypes(Set.of(PromptType.DOODLE))
                .optPromptSource(PromptSimulator::simulate).build();
        int human = 0;
        for (int i = 0; i < 400; i++) {
            Episode e = always.episode(i);
            assertTrue(e.quality().isEmpty(), "a human prompt has no simulated quality");
            Doodle d = (Doodle) e.prompt();
            assertEquals(1, d.strokes().size());
            assertEquals(5.0, d.strokes().get(0).points().get(0).y(), 1e-9, "the stroke the person drew");
            human += half.episode(i).quality().isEmpty() ? 1 : 0;
        }
        assertEquals(0.5, human / 400.0, 0.08);
    }

    @Test
    void theInteractiveShareAnnealsFromStartToEnd() {
        EpisodeSampler sampler = builder(List.of(task("a", 50))).optInteractiveProbability(0.5, 0.1, 10_000).build();
        int early = 0;
        int late = 0;
        for (int i = 0; i < 1000; i++) {
            early += sampler.episode(i).interactive() ? 1 : 0;
            late += sampler.episode(20_000 + i).interactive() ? 1 : 0;
        }
        assertEquals(0.48, early / 1000.0, 0.05, "mean share over episodes 0..999");
        assertEquals(0.1, late / 1000.0, 0.03, "share after the annealing");
    }

    @Test
    void aMixDrawsFromEachSourceAtItsShareAndKeepsTheirStreams() {
        EpisodeSampler real = builder(List.of(task("real", 30))).build();
        EpisodeSampler synthetic = builder(List.of(task("synthetic", 30))).optSeed(99).build();
        EpisodeMix mix = new EpisodeMix(real, synthetic, 0.3, 5);
        int fromSynthetic = 0;
        for (int i = 0; i < 4000; i++) {
            Episode e = mix.episode(i);
            Episode expected = e.task().equals("synthetic") ? synthetic.episode(i) : real.episode(i);
            assertEquals(describe(expected), describe(e));
            fromSynthetic += e.task().equals("synthetic") ? 1 : 0;
        }
        assertEquals(0.3, fromSynthetic / 4000.0, 0.03);
        assertThrows(IllegalArgumentException.class, () -> new EpisodeMix(real, synthetic, 1.5, 5));
    }

    static String describe(Episode e) {
        return e.index() + ":" + e.task() + ":" + e.label() + ":" + e.query().id() + ":" + e.template().id() + ":"
                + e.prompt() + ":" + e.quality() + ":" + e.interactive();
    }
}
