package org.onepro.train.cuenet;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.classic.grid.Grid;
import org.onepro.core.mask.Mask;
import org.onepro.data.augment.AffineJitter;
import org.onepro.data.augment.ContrastJitter;
import org.onepro.data.augment.GammaJitter;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.dataset.TaskSelection;
import org.onepro.data.synthetic.SyntheticTasks;
import org.onepro.data.transform.Transform;

/**
 * Computes the cues of training pairs and writes them, quantised to bytes, for {@link TrainCueNet}.
 *
 * <pre>
 * CollectCuePairs OUT.bin DATA_ROOT EXCLUDED(@FILE|-) TEMPLATES QUERIES SYNTHETIC_TASKS SEED
 * </pre>
 *
 * Every real task of DATA_ROOT not excluded gives TEMPLATES templates with QUERIES queries each; a real query is
 * moved by a random affine (half the time) and its intensities jittered (half the time), so registration and the
 * classifier meet the differences between images of different subjects that one-volume tasks lack.
 */
public final class CollectCuePairs {

    static final int MAGIC = 0x43554531;

    private CollectCuePairs() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path root = Path.of(args[1]);
        List<String> excluded = args[2].equals("-") ? List.of() : TaskSelection.parse(args[2]);
        int templates = Integer.parseInt(args[3]);
        int queries = Integer.parseInt(args[4]);
        int synthetic = Integer.parseInt(args[5]);
        long seed = Long.parseLong(args[6]);
        List<TaskDataset> real = TaskSelection.exclude(DatasetRoot.open(root), excluded);
        List<TaskDataset> tasks = new ArrayList<>(real);
        tasks.addAll(SyntheticTasks.create(synthetic, 10, 192, seed));
        Transform move = new AffineJitter(0.5, 20, 0.8, 1.25, 0.12);
        Transform look = new GammaJitter(0.5, 0.6, 1.6).then(new ContrastJitter(0.5, 0.7, 1.3));
        long t0 = System.nanoTime();
        int pairs = 0;
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            dos.writeInt(MAGIC);
            dos.writeInt(CuePlanes.PLANES);
            dos.writeInt(CuePlanes.SIDE);
            for (TaskDataset task : tasks) {
                boolean isReal = real.contains(task);
                SplittableRandom rng = new SplittableRandom(seed ^ task.name().hashCode());
                List<String> order = new ArrayList<>(task.ids());
                Collections.sort(order);
                Collections.shuffle(order, new Random(rng.nextLong()));
                for (int t = 0; t < Math.min(templates, order.size() - 1); t++) {
                    LabeledImage tl = task.load(order.get(t));
                    List<Integer> labels = new ArrayList<>(tl.labels().labels());
                    if (labels.isEmpty()) {
                        continue;
                    }
                    int label = labels.get(rng.nextInt(labels.size()));
                    Mask tm = tl.labels().mask(label);
                    if (tm.count() == 0 || tm.count() == tm.height() * tm.width()) {
                        continue;
                    }
                    List<String> others = new ArrayList<>(order);
                    others.remove(t);
                    Collections.shuffle(others, new Random(rng.nextLong()));
                    try (PixelClassifier rf = CuePlanes.classifier(tl.image(), tm, rng.nextLong())) {
                        for (String qid : others.subList(0, Math.min(queries, others.size()))) {
                            LabeledImage q = task.load(qid);
                            if (isReal) {
                                q = look.apply(move.apply(q, rng), rng);
                            }
                            CuePlanes.Pair pc = CuePlanes.of(tl.image(), tm, rf,
                                    q.image().withChannels(tl.image().channels()));
                            Grid truth = CuePlanes.grid(q.labels().mask(label)).resize(CuePlanes.SIDE, CuePlanes.SIDE);
                            dos.writeBoolean(true);
                            dos.writeUTF(task.name());
                            dos.write(quantised(pc.planes()));
                            dos.write(quantised(truth.data()));
                            pairs++;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %d pairs so far, %.0f s%n", task.name(), pairs,
                        (System.nanoTime() - t0) / 1e9);
            }
            dos.writeBoolean(false);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "wrote %d pairs to %s in %.0f s%n", pairs, out, (System.nanoTime() - t0) / 1e9);
    }

    private static byte[] quantised(float[] v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) Math.round(Math.min(1f, Math.max(0f, v[i])) * 255f);
        }
        return out;
    }
}
