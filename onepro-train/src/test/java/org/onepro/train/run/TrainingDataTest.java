package org.onepro.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.episode.Episode;
import org.onepro.data.episode.EpisodeSource;
import org.onepro.train.config.TrainConfig;

class TrainingDataTest {

    @TempDir
    Path out;

    @Test
    void crossImageTemplatesComeFromTheTemplateSplit() {
        assertEquals(Set.of(Split.TEMPLATE.key()), crossImageTemplateSplits(TinyRuns.config(out, 1)));
    }

    /** The splits the templates of 300 cross-image episodes were drawn from. */
    private static Set<String> crossImageTemplateSplits(TrainConfig config) {
        TrainingData data = TrainingData.open(config, 64);
        EpisodeSource episodes = data.episodes(config, 64, 1);
        Set<String> splits = new HashSet<>();
        for (long i = 0; i < 300; i++) {
            Episode e = episodes.episode(i);
            if (e.template().id().equals(e.query().id())) {
                continue;
            }
            String task = e.task();
            String id = e.template().id();
            Split split = data.splits().ids(task, Split.TEMPLATE).contains(id) ? Split.TEMPLATE
                    : data.splits().ids(task, Split.TRAIN).contains(id) ? Split.TRAIN : null;
            assertTrue(split != null, "template " + task + "/" + id + " is from neither the template nor the train split");
            splits.add(split.key());
        }
        return splits;
    }

    @Test
    void structureTasksJoinTheSyntheticEpisodes() {
        TrainConfig config = TinyRuns.config(out, 1, "structureTasks=4");
        TrainingData data = TrainingData.open(config, 64);
        EpisodeSource episodes = data.episodes(config, 64, 1);
        Set<String> tasks = new HashSet<>();
        for (long i = 0; i < 200; i++) {
            tasks.add(episodes.episode(i).task());
        }

        assertEquals(TinyRuns.config(out, 1).syntheticTasks() + 4, data.syntheticTasks().size());
        assertTrue(tasks.stream().filter(t -> t.startsWith("structure-")).count() >= 3,
                "episodes drew from the structure tasks " + tasks);
    }

    @Test
    void mirroredTrainingImagesKeepTheLetterboxPaddingAtTheBottomAsInferenceDoes(@TempDir Path data)
            throws IOException {
        writeWideTask(data.resolve("wide"), 12);
        TrainConfig config = TinyRuns.config(out, 1, "dataRoots=" + data, "syntheticRatio=0");

        // The images are twice as wide as tall, so the 64-pixel grid holds them in rows 0-31 and pads rows 32-63,
        // as the letterbox does at inference. Their target lies in the top rows; an upside-down image has it just
        // above the padding, never in the grid's bottom quarter, because the mirror acts before the letterbox.
        assertEquals(0, episodesWithTargetInBottomQuarter(config));
    }

    @Test
    void heldOutTasksAreNeitherTrainedNorValidatedOnAndAMisspeltOneIsRefused(@TempDir Path data) throws IOException {
        writeWideTask(data.resolve("kept"), 12);
        writeWideTask(data.resolve("held"), 12);
        Path fold = Files.writeString(data.resolve("fold.txt"), "# held out\nheld\n");
        TrainConfig config = TinyRuns.config(out, 1, "dataRoots=" + data, "syntheticRatio=0",
                "heldOutTasks=@" + fold);

        TrainingData opened = TrainingData.open(config, 64);
        assertEquals(List.of("kept"), opened.realTasks().stream().map(TaskDataset::name).toList());
        assertEquals(List.of("kept"), opened.validationTasks().stream().map(TaskDataset::name).toList());
        EpisodeSource episodes = opened.episodes(config, 64, 1);
        for (long i = 0; i < 50; i++) {
            assertEquals("kept", episodes.episode(i).task());
        }

        TrainConfig misspelt = TinyRuns.config(out, 1, "dataRoots=" + data, "syntheticRatio=0", "heldOutTasks=hled");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingData.open(misspelt, 64));
        assertTrue(e.getMessage().contains("hled"), e.getMessage());
    }

    @Test
    void appearanceRandomisationChangesWhichBrightnessTheTargetHasButNotThatThePairAgrees(@TempDir Path data)
            throws IOException {
        writeWideTask(data.resolve("wide"), 12);
        String[] crossImage = {"dataRoots=" + data, "syntheticRatio=0", "interactiveStart=0", "interactiveEnd=0"};
        int[] plain = brightnessOrders(TinyRuns.config(out, 1, concat(crossImage, "appearanceRandomisation=0")));
        int[] random = brightnessOrders(TinyRuns.config(out, 1, concat(crossImage, "appearanceRandomisation=1")));

        // The task's target is always brighter than its surroundings; randomised, it is darker in a good share of
        // episodes, and query and template, remapped by one curve, agree on that in nearly all of them.
        assertEquals(0, plain[0], "episodes with a darker target, no randomisation");
        assertTrue(random[0] > 40 && random[0] < 160, "episodes with a darker target: " + random[0] + " of 200");
        assertTrue(random[1] >= 170, "episodes whose query and template agree: " + random[1] + " of 200");
    }

    /**
     * Over 200 episodes: how many have a query target darker than the pixels around it, and in how many query and
     * template agree on whether their target is the darker.
     */
    private static int[] brightnessOrders(TrainConfig config) {
        EpisodeSource episodes = TrainingData.open(config, 64).episodes(config, 64, 1);
        int darker = 0;
        int agree = 0;
        for (long i = 0; i < 200; i++) {
            Episode e = episodes.episode(i);
            boolean queryDarker = targetDarker(e.query().image(), e.queryMask());
            darker += queryDarker ? 1 : 0;
            agree += queryDarker == targetDarker(e.template().image(), e.templateMask()) ? 1 : 0;
        }
        return new int[] {darker, agree};
    }

    /** Whether the target's mean is below the mean of the image rows it spans (the letterbox padding left out). */
    private static boolean targetDarker(org.onepro.core.image.Image image, Mask target) {
        int[] box = target.boundingBox().orElseThrow();
        double in = 0;
        double out = 0;
        int nIn = 0;
        int nOut = 0;
        for (int y = box[1]; y <= box[3]; y++) {
            for (int x = 0; x < image.width(); x++) {
                double v = image.get(0, y, x);
                if (target.get(y, x)) {
                    in += v;
                    nIn++;
                } else {
                    out += v;
                    nOut++;
                }
            }
        }
        return in / nIn < out / Math.max(1, nOut);
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }

    private static int episodesWithTargetInBottomQuarter(TrainConfig config) {
        TrainingData data = TrainingData.open(config, 64);
        EpisodeSource episodes = data.episodes(config, 64, 1);
        int count = 0;
        for (long i = 0; i < 200; i++) {
            Mask target = episodes.episode(i).queryMask();
            int[] box = target.boundingBox().orElseThrow();
            if (box[3] >= 48) {
                count++;
            }
        }
        return count;
    }

    /** A task of {@code n} 48 x 24 images with a bright target in their top rows. */
    private static void writeWideTask(Path dir, int n) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(48, 24, BufferedImage.TYPE_BYTE_GRAY);
            BufferedImage mask = new BufferedImage(48, 24, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 48; x++) {
                    boolean target = y >= 1 && y < 6 && x >= 18 && x < 30 + i % 3;
                    image.getRaster().setSample(x, y, 0, target ? 220 : 60 + x + y);
                    mask.getRaster().setSample(x, y, 0, target ? 255 : 0);
                }
            }
            String name = String.format("img%02d.png", i);
            ImageIO.write(image, "png", dir.resolve("images").resolve(name).toFile());
            ImageIO.write(mask, "png", dir.resolve("masks").resolve(name).toFile());
        }
    }
}
