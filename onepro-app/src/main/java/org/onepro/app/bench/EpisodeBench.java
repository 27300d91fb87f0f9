package org.onepro.app.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.onepro.data.augment.Augmentation;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.DemoData;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.SplitFractions;
import org.onepro.data.dataset.Splits;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.episode.EpisodeSampler;
import org.onepro.data.episode.EpisodeStream;
import org.onepro.data.transform.Preprocess;

/**
 * Measures how many training episodes per second the data pipeline produces (file decoding, preprocessing,
 * augmentation, prompt simulation) when nothing consumes them: what the trainer may draw at most.
 * Usage: {@code EpisodeBench [size=128] [workers=1] [batches=40] [dataRoot=demo]}; batches hold 8 episodes.
 */
public final class EpisodeBench {

    private static final int BATCH = 8;

    private EpisodeBench() {}

    /** Entry point. */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        List<TaskDataset> tasks = args.length > 3 ? DatasetRoot.open(Path.of(args[3])) : DemoData.open();
        Splits splits = Splits.create(tasks, SplitFractions.DEFAULT, 1);
        EpisodeSampler sampler = EpisodeSampler.builder()
                .setTasks(tasks)
                .setTemplateIds(t -> splits.ids(t, Split.TEMPLATE))
                .setQueryIds(t -> splits.ids(t, Split.TRAIN))
                .optPreprocess(Preprocess.forModel(size, 3))
                .optAugment(Augmentation.standard())
                .optSeed(1)
                .build();
        try (EpisodeStream stream = new EpisodeStream(sampler, BATCH, workers, 2 * workers, 0)) {
            for (int b = 0; b < 5; b++) {
                stream.next();
            }
            long t0 = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                stream.next();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "tasks %d, size %d px, workers %d: %d episodes in %.2f s%n",
                    tasks.size(), size, workers, batches * BATCH, seconds);
            System.out.printf(Locale.ROOT, "episodes/s: %.1f%n", batches * BATCH / seconds);
        }
    }
}
