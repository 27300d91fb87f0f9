package org.onepro.train.fusion;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.classic.fusion.FusionFeatures;
import org.onepro.classic.fusion.PairCues;
import org.onepro.classic.fusion.TemplateCues;
import org.onepro.classic.registration.Registration;
import org.onepro.core.mask.Mask;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.synthetic.SyntheticTasks;

/**
 * Computes the fusion cues of template/query pairs and writes their pixels ({@link CueRows}).
 *
 * <pre>
 * CollectCues OUT.bin DATA_ROOT TASKS|-  TEMPLATES_PER_TASK  SAMPLED_PIXELS|all  SYNTHETIC_TASKS  SEED
 * </pre>
 *
 * TASKS is a file of task names (one per line, {@code #} comments) to use, or {@code -} for none; a name prefixed
 * with {@code !} in the file... is not supported: pass the list of tasks wanted. With {@code all}, every pixel of
 * each query is written (for scoring); otherwise that many pixels per pair, half uniformly and half from the
 * target, weighted back to the image's class frequencies.
 */
public final class CollectCues {

    private CollectCues() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path root = Path.of(args[1]);
        List<String> names = args[2].equals("-") ? List.of() : readNames(Path.of(args[2]));
        int templatesPerTask = Integer.parseInt(args[3]);
        boolean whole = args[4].equals("all");
        int sampled = whole ? 0 : Integer.parseInt(args[4]);
        int synthetic = Integer.parseInt(args[5]);
        long seed = Long.parseLong(args[6]);
        List<TaskDataset> tasks = new ArrayList<>();
        if (!names.isEmpty()) {
            for (TaskDataset t : DatasetRoot.open(root)) {
                if (names.contains(t.name())) {
                    tasks.add(t);
                }
            }
        }
        tasks.addAll(SyntheticTasks.create(synthetic, 10, 192, seed));
        PixelClassifier.Settings rf = PixelClassifier.Settings.defaults(seed);
        long t0 = System.nanoTime();
        int pairs = 0;
        try (DataOutputStream dos = CueRows.writer(out)) {
            for (TaskDataset task : tasks) {
                List<String> ids = new ArrayList<>(task.ids());
                Collections.sort(ids);
                SplittableRandom rng = new SplittableRandom(seed ^ task.name().hashCode());
                List<String> order = new ArrayList<>(ids);
                Collections.shuffle(order, new java.util.Random(rng.nextLong()));
                List<String> templates = order.subList(0, Math.min(templatesPerTask, order.size() - 1));
                for (String tid : templates) {
                    LabeledImage t = task.load(tid);
                    List<Integer> labels = new ArrayList<>(t.labels().labels());
                    if (labels.isEmpty()) {
                        continue;
                    }
                    int label = labels.get(rng.nextInt(labels.size()));
                    Mask tm = t.labels().mask(label);
                    if (tm.count() == tm.height() * tm.width()) {
                        continue;
                    }
                    try (TemplateCues cues = TemplateCues.fit(t.image(), tm, rf)) {
                        for (String qid : ids) {
                            if (qid.equals(tid)) {
                                continue;
                            }
                            LabeledImage q = task.load(qid);
                            Mask truth = q.labels().mask(label);
                            PairCues pc = PairCues.of(cues, q.image().withChannels(t.image().channels()),
                                    Registration.Settings.DEFAULT);
                            CueRows.write(dos, block(task.name(), tid, qid, pc.height(), pc.width(),
                                    FusionFeatures.planes(pc), truth, whole, sampled, rng));
                            pairs++;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %d pairs so far, %.0f s%n", task.name(), pairs,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d pairs to %s in %.0f s%n", pairs, out, (System.nanoTime() - t0) / 1e9);
    }

    static List<String> readNames(Path file) throws java.io.IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            int hash = line.indexOf('#');
            String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!s.isEmpty()) {
                names.add(s);
            }
        }
        return List.copyOf(names);
    }

    static CueRows.Block block(String task, String tid, String qid, int height, int width, float[][] planes,
            Mask truth, boolean whole, int sampled, SplittableRandom rng) {
        int f = planes.length;
        int n = height * width;
        boolean[] t = truth.data();
        int[] rows;
        float[] weights;
        if (whole) {
            rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            weights = new float[n];
            java.util.Arrays.fill(weights, 1f);
        } else {
            List<Integer> fg = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (t[i]) {
                    fg.add(i);
                }
            }
            int half = sampled / 2;
            int nf = Math.min(half, fg.size());
            rows = new int[half + nf];
            weights = new float[half + nf];
            // Uniform half: each stands for n / sampled... the target half adds extra target pixels; weights make
            // the expected weighted count of each class equal to its count in the image.
            for (int i = 0; i < half; i++) {
                rows[i] = rng.nextInt(n);
                weights[i] = n / (float) half * (t[rows[i]] && nf > 0 ? 0.5f : 1f);
            }
            for (int i = 0; i < nf; i++) {
                rows[half + i] = fg.get(rng.nextInt(fg.size()));
                weights[half + i] = fg.size() / (float) nf * 0.5f;
            }
            // Weights per pair are scaled to a mean of 1, so every pair counts the same whatever its image size.
            double sum = 0;
            for (float w : weights) {
                sum += w;
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (weights[i] * weights.length / sum);
            }
        }
        float[] values = new float[rows.length * f];
        byte[] truthBytes = new byte[rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < f; k++) {
                values[r * f + k] = planes[k][rows[r]];
            }
            truthBytes[r] = (byte) (t[rows[r]] ? 1 : 0);
        }
        return new CueRows.Block(task, tid, qid, height, width, whole, f, values, truthBytes, weights);
    }
}
