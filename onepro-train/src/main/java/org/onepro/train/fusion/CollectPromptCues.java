package org.onepro.train.fusion;

import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.onepro.classic.interactive.InteractiveCues;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;
import org.onepro.data.synthetic.SyntheticTasks;

/**
 * Computes the interactive cues of simulated prompts on their own images and writes their pixels ({@link CueRows}).
 *
 * <pre>
 * CollectPromptCues OUT.bin DATA_ROOT TASKS|- TYPE SAMPLED_PIXELS|all SYNTHETIC_TASKS SEED
 * </pre>
 *
 * With {@code all} every image is prompted once per label with an Oracle prompt and every working pixel written
 * (for scoring); otherwise each image of each task once, with a random label and a quality drawn from Oracle 0.4,
 * High 0.3, Medium 0.2, Low 0.1.
 */
public final class CollectPromptCues {

    private CollectPromptCues() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<String> names = args[2].equals("-") ? List.of() : CollectCues.readNames(Path.of(args[2]));
        PromptType type = PromptType.valueOf(args[3].toUpperCase(Locale.ROOT));
        boolean whole = args[4].equals("all");
        int sampled = whole ? 0 : Integer.parseInt(args[4]);
        int synthetic = Integer.parseInt(args[5]);
        long seed = Long.parseLong(args[6]);
        List<TaskDataset> tasks = new ArrayList<>();
        if (!names.isEmpty()) {
            for (TaskDataset t : DatasetRoot.open(Path.of(args[1]))) {
                if (names.contains(t.name())) {
                    tasks.add(t);
                }
            }
        }
        tasks.addAll(SyntheticTasks.create(synthetic, 10, 192, seed));
        long t0 = System.nanoTime();
        int episodes = 0;
        Quality[] qualities = {Quality.ORACLE, Quality.ORACLE, Quality.ORACLE, Quality.ORACLE, Quality.HIGH,
            Quality.HIGH, Quality.HIGH, Quality.MEDIUM, Quality.MEDIUM, Quality.LOW};
        try (DataOutputStream dos = CueRows.writer(out)) {
            for (TaskDataset task : tasks) {
                List<String> ids = new ArrayList<>(task.ids());
                Collections.sort(ids);
                SplittableRandom rng = new SplittableRandom(seed ^ task.name().hashCode());
                for (String id : ids) {
                    LabeledImage s = task.load(id);
                    List<Integer> labels = new ArrayList<>(s.labels().labels());
                    if (labels.isEmpty()) {
                        continue;
                    }
                    List<Integer> chosen = whole ? labels : List.of(labels.get(rng.nextInt(labels.size())));
                    for (int label : chosen) {
                        Mask truth = s.labels().mask(label);
                        Quality q = whole ? Quality.ORACLE : qualities[rng.nextInt(qualities.length)];
                        Prompt p = PromptSimulator.simulate(type, truth, q, rng);
                        InteractiveCues cues = InteractiveCues.of(s.image(), p);
                        Mask t = truth.resizeNearest(cues.height(), cues.width());
                        CueRows.write(dos, CollectCues.block(task.name(), id, id, cues.height(), cues.width(),
                                cues.features(), t, whole, sampled, rng));
                        episodes++;
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %d episodes so far, %.0f s%n", task.name(), episodes,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d episodes to %s in %.0f s%n", episodes, out,
                (System.nanoTime() - t0) / 1e9);
    }
}
