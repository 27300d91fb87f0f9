package org.onepro.train.fusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.onepro.classic.fusion.FusionFeatures;

/**
 * Fits the cue combiner to sampled training pixels and scores it, beside each cue alone, on whole-image pairs.
 *
 * <pre>
 * FitFusion TRAIN.bin HELDOUT.bin MODEL_OUT|- ROUNDS DEPTH [FEATURE_MASK]
 * </pre>
 *
 * FEATURE_MASK, a string of 0/1 per feature of {@link FusionFeatures#NAMES}, leaves features out (ablation).
 */
public final class FitFusion {

    private FitFusion() {
    }

    public static void main(String[] args) throws Exception {
        List<CueRows.Block> train = CueRows.read(Path.of(args[0]));
        List<CueRows.Block> held = CueRows.read(Path.of(args[1]));
        int rounds = Integer.parseInt(args[3]);
        int depth = Integer.parseInt(args[4]);
        int f = train.get(0).features();
        boolean[] use = new boolean[f];
        for (int k = 0; k < f; k++) {
            use[k] = args.length <= 5 || args[5].charAt(k) == '1';
        }
        DMatrix dtrain = matrix(train, use, true);
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("max_depth", depth);
        p.put("eta", 0.1);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.8);
        p.put("min_child_weight", 20);
        p.put("nthread", 2);
        p.put("seed", 1);
        p.put("verbosity", 0);
        long t0 = System.nanoTime();
        Booster booster = XGBoost.train(dtrain, p, rounds, new HashMap<>(), null, null);
        System.out.printf(Locale.ROOT, "fitted %d rounds depth %d on %d rows in %.1f s%n", rounds, depth,
                (int) dtrain.rowNum(), (System.nanoTime() - t0) / 1e9);
        if (!args[2].equals("-")) {
            booster.saveModel(args[2]);
        }
        Map<String, Integer> gain = booster.getFeatureScore((String) null);
        System.out.println("feature splits: " + gain);
        score(held, booster, use);
    }

    private static DMatrix matrix(List<CueRows.Block> blocks, boolean[] use, boolean withLabels) throws Exception {
        int f = blocks.get(0).features();
        int kept = 0;
        for (boolean u : use) {
            kept += u ? 1 : 0;
        }
        long rows = 0;
        for (CueRows.Block b : blocks) {
            rows += b.rows();
        }
        float[] values = new float[(int) (rows * kept)];
        float[] labels = new float[(int) rows];
        float[] weights = new float[(int) rows];
        int r = 0;
        for (CueRows.Block b : blocks) {
            for (int i = 0; i < b.rows(); i++, r++) {
                int c = 0;
                for (int k = 0; k < f; k++) {
                    if (use[k]) {
                        values[r * kept + c++] = b.values()[i * f + k];
                    }
                }
                labels[r] = b.truth()[i];
                weights[r] = b.weights()[i];
            }
        }
        DMatrix m = new DMatrix(values, (int) rows, kept, Float.NaN);
        if (withLabels) {
            m.setLabel(labels);
            m.setWeight(weights);
        }
        return m;
    }

    private static void score(List<CueRows.Block> held, Booster booster, boolean[] use) throws Exception {
        int f = held.get(0).features();
        boolean interactive = f == org.onepro.classic.interactive.InteractiveCues.NAMES.size();
        // Interactive: the floor is the prior's positive part (a box's ellipse); the classifier and the inside cue.
        int reg = interactive ? org.onepro.classic.interactive.InteractiveCues.NAMES.indexOf("prior")
                : FusionFeatures.NAMES.indexOf("registered");
        int rf = interactive ? org.onepro.classic.interactive.InteractiveCues.NAMES.indexOf("classified")
                : FusionFeatures.NAMES.indexOf("classified");
        int paste = interactive ? org.onepro.classic.interactive.InteractiveCues.NAMES.indexOf("inside")
                : FusionFeatures.NAMES.indexOf("pasted");
        float regCut = interactive ? 0f : 0.5f;
        Map<String, double[]> sums = new TreeMap<>();
        for (CueRows.Block b : held) {
            float[][] pred = booster.predict(matrix(List.of(b), use, false));
            double[] d = new double[4];
            d[0] = dice(b, i -> pred[i][0] > 0.5f);
            d[1] = dice(b, i -> b.values()[i * f + reg] >= regCut);
            d[2] = dice(b, i -> b.values()[i * f + rf] > 0.5f);
            d[3] = dice(b, i -> b.values()[i * f + paste] > 0.5f);
            double[] s = sums.computeIfAbsent(b.task(), k -> new double[5]);
            for (int k = 0; k < 4; k++) {
                s[k] += d[k];
            }
            s[4]++;
        }
        double[] mean = new double[4];
        System.out.println("task  fused  registration  classifier  copy");
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] s = e.getValue();
            System.out.printf(Locale.ROOT, "%-34s %.4f %.4f %.4f %.4f (%d)%n", e.getKey(), s[0] / s[4], s[1] / s[4],
                    s[2] / s[4], s[3] / s[4], (int) s[4]);
            for (int k = 0; k < 4; k++) {
                mean[k] += s[k] / s[4] / sums.size();
            }
        }
        System.out.printf(Locale.ROOT, "MEAN fused %.4f registration %.4f classifier %.4f copy %.4f%n", mean[0],
                mean[1], mean[2], mean[3]);
    }

    private static double dice(CueRows.Block b, java.util.function.IntPredicate predicted) {
        double inter = 0;
        double p = 0;
        double t = 0;
        for (int i = 0; i < b.rows(); i++) {
            boolean pi = predicted.test(i);
            boolean ti = b.truth()[i] == 1;
            inter += pi && ti ? 1 : 0;
            p += pi ? 1 : 0;
            t += ti ? 1 : 0;
        }
        return p + t == 0 ? 1 : 2 * inter / (p + t);
    }

}
