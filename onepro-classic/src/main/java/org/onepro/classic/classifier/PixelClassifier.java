package org.onepro.classic.classifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.onepro.classic.features.FilterBank;
import org.onepro.classic.grid.Grid;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;

/**
 * The ilastik / Trainable Weka recipe with one template as the training image: a random forest on the
 * {@link FilterBank} features of the template's pixels, labelled by its mask, applied to every pixel of a query.
 * The forest is XGBoost's random-forest mode (bagged trees, each split on a random third of the features, one
 * round at learning rate 1), which trains in about a second on two cores where the pure-Java forests we measured
 * took minutes.
 *
 * <p>Pixels are sampled per class (at most {@link Settings#foregroundSamples()} of the target and
 * {@link Settings#backgroundSamples()} of the rest) and weighted back to the template's class frequencies, so a
 * small target is learnt from enough examples without the forest being told it is common. Images whose longer side
 * exceeds {@link Settings#maxSide()} are classified at that size and the probabilities resized back. The classifier
 * holds native memory: close it.
 */
public final class PixelClassifier implements AutoCloseable {

    /**
     * How to fit.
     *
     * @param trees             trees in the forest
     * @param maxDepth          deepest split level
     * @param foregroundSamples most target pixels per template
     * @param backgroundSamples most other pixels per template
     * @param maxSide           longest side the features are computed at, 16 to 2048
     * @param threads           threads for fitting and predicting
     * @param seed              seed of the pixel sample and the forest
     */
    public record Settings(int trees, int maxDepth, int foregroundSamples, int backgroundSamples, int maxSide,
            int threads, long seed) {

        /**
         * The defaults: 100 trees of depth up to 12, 10,000 + 20,000 pixels, 512 px, 2 threads.
         *
         * @param seed the seed
         * @return the settings
         */
        public static Settings defaults(long seed) {
            return new Settings(100, 12, 10_000, 20_000, 512, 2, seed);
        }

        /**
         * Checks the settings.
         *
         * @param trees             trees
         * @param maxDepth          depth
         * @param foregroundSamples target samples
         * @param backgroundSamples other samples
         * @param maxSide           working side
         * @param threads           threads
         * @param seed              seed
         */
        public Settings {
            // Above 2048 px the feature rows of one image no longer fit a Java array.
            if (trees < 1 || maxDepth < 1 || foregroundSamples < 1 || backgroundSamples < 1 || maxSide < 16
                    || maxSide > 2048 || threads < 1) {
                throw new IllegalArgumentException("bad pixel-classifier settings: " + trees + " trees, depth "
                        + maxDepth + ", samples " + foregroundSamples + "/" + backgroundSamples + ", side "
                        + maxSide + ", threads " + threads);
            }
        }
    }

    private final Booster booster;
    private final int channels;
    private final Settings settings;

    private PixelClassifier(Booster booster, int channels, Settings settings) {
        this.booster = booster;
        this.channels = channels;
        this.settings = settings;
    }

    /**
     * Fits a forest to the pixels of one or more templates.
     *
     * @param templates the template images
     * @param masks     their masks of the target, same order and sizes
     * @param settings  how to fit
     * @return the fitted classifier
     * @throws InvalidInputException if the lists differ in length, a mask's size differs from its image's, or no
     *                               template holds both target and background
     */
    public static PixelClassifier fit(List<Image> templates, List<Mask> masks, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        if (templates.isEmpty() || templates.size() != masks.size()) {
            throw new InvalidInputException("a pixel classifier needs as many masks as templates (at least one), got "
                    + templates.size() + " templates and " + masks.size() + " masks");
        }
        int channels = templates.get(0).channels();
        int features = FilterBank.count(channels);
        SplittableRandom rng = new SplittableRandom(settings.seed());
        FloatRows rows = new FloatRows(features);
        boolean hasTarget = false;
        boolean hasBackground = false;
        for (int t = 0; t < templates.size(); t++) {
            Image image = templates.get(t).withChannels(channels);
            Mask mask = masks.get(t);
            if (mask.height() != image.height() || mask.width() != image.width()) {
                throw new InvalidInputException("template " + t + " is " + image.height() + "x" + image.width()
                        + " but its mask is " + mask.height() + "x" + mask.width());
            }
            int[] size = Grid.fit(image.height(), image.width(), settings.maxSide());
            Image work = resize(image, size[0], size[1]);
            boolean[] labels = labelsAt(mask, size[0], size[1]);
            float[][] planes = FilterBank.compute(work);
            int[][] byClass = split(labels);
            hasTarget |= byClass[1].length > 0;
            hasBackground |= byClass[0].length > 0;
            addSample(rows, planes, byClass[1], settings.foregroundSamples(), 1f, rng);
            addSample(rows, planes, byClass[0], settings.backgroundSamples(), 0f, rng);
        }
        if (!hasTarget || !hasBackground) {
            throw new InvalidInputException("the template mask" + (templates.size() > 1 ? "s hold " : " holds ")
                    + (hasTarget ? "no background" : "no target") + ": a pixel classifier needs both");
        }
        try {
            DMatrix train = rows.toMatrix();
            try {
                Booster booster = XGBoost.train(train, parameters(settings, features), 1, new HashMap<>(), null,
                        null);
                return new PixelClassifier(booster, channels, settings);
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to fit the pixel classifier: " + e.getMessage(), e);
        }
    }

    /**
     * The probability of the target at every pixel of a query.
     *
     * @param query the query image; it is converted to the templates' channel count
     * @return the probabilities, at the query's size
     */
    public ProbabilityMap predict(Image query) {
        Image image = query.withChannels(channels);
        int[] size = Grid.fit(image.height(), image.width(), settings.maxSide());
        float[][] planes = FilterBank.compute(resize(image, size[0], size[1]));
        int n = size[0] * size[1];
        float[] data = new float[n * planes.length];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < planes.length; f++) {
                data[i * planes.length + f] = planes[f][i];
            }
        }
        float[] p = new float[n];
        try {
            DMatrix m = new DMatrix(data, n, planes.length, Float.NaN);
            try {
                float[][] out = booster.predict(m);
                for (int i = 0; i < n; i++) {
                    p[i] = out[i][0];
                }
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to apply the pixel classifier: " + e.getMessage(), e);
        }
        Grid grid = new Grid(p, size[0], size[1]).resize(query.height(), query.width());
        float[] clamped = grid.data().clone();
        for (int i = 0; i < clamped.length; i++) {
            clamped[i] = Math.min(1f, Math.max(0f, clamped[i]));
        }
        return ProbabilityMap.of(clamped, query.height(), query.width());
    }

    @Override
    public void close() {
        booster.dispose();
    }

    private static Map<String, Object> parameters(Settings s, int features) {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("booster", "gbtree");
        p.put("tree_method", "hist");
        p.put("num_parallel_tree", s.trees());
        p.put("eta", 1.0);
        p.put("subsample", 0.632);
        p.put("colsample_bynode", Math.max(1.0 / features, 1.0 / 3));
        p.put("max_depth", s.maxDepth());
        p.put("nthread", s.threads());
        p.put("seed", s.seed());
        p.put("verbosity", 0);
        return p;
    }

    private static Image resize(Image image, int h, int w) {
        if (image.height() == h && image.width() == w) {
            return image;
        }
        float[] out = new float[image.channels() * h * w];
        for (int c = 0; c < image.channels(); c++) {
            System.arraycopy(Grid.channel(image, c).resize(h, w).data(), 0, out, c * h * w, h * w);
        }
        return Image.of(out, image.channels(), h, w);
    }

    /**
     * The mask at the working size, by the share of each working pixel's area the target covers: a pixel is target
     * when the target covers at least half of it. A class that this would erase (a one-pixel line at half
     * resolution) keeps the pixels it touches, so a template that holds both classes still does after resizing.
     */
    static boolean[] labelsAt(Mask mask, int height, int width) {
        if (mask.height() == height && mask.width() == width) {
            return mask.data();
        }
        boolean[] src = mask.data();
        double[] cover = new double[height * width];
        double[] area = new double[height * width];
        for (int y = 0; y < mask.height(); y++) {
            int ty = (int) ((long) y * height / mask.height());
            for (int x = 0; x < mask.width(); x++) {
                int i = ty * width + (int) ((long) x * width / mask.width());
                area[i]++;
                if (src[y * mask.width() + x]) {
                    cover[i]++;
                }
            }
        }
        boolean[] out = new boolean[cover.length];
        boolean anyTarget = false;
        boolean anyBackground = false;
        for (int i = 0; i < out.length; i++) {
            out[i] = cover[i] >= 0.5 * area[i];
            anyTarget |= out[i];
            anyBackground |= !out[i];
        }
        if (!anyTarget) {
            for (int i = 0; i < out.length; i++) {
                out[i] = cover[i] > 0;
            }
        } else if (!anyBackground) {
            for (int i = 0; i < out.length; i++) {
                out[i] = cover[i] == area[i];
            }
        }
        return out;
    }

    /** Pixel indices of the background ({@code [0]}) and the target ({@code [1]}). */
    private static int[][] split(boolean[] labels) {
        int[] counts = new int[2];
        for (boolean label : labels) {
            counts[label ? 1 : 0]++;
        }
        int[][] out = {new int[counts[0]], new int[counts[1]]};
        int[] next = new int[2];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i] ? 1 : 0;
            out[c][next[c]++] = i;
        }
        return out;
    }

    /** Adds at most {@code max} of the pixels, each weighted by how many pixels of its class it stands for. */
    private static void addSample(FloatRows rows, float[][] planes, int[] pixels, int max, float label,
            SplittableRandom rng) {
        if (pixels.length == 0) {
            return;
        }
        int[] chosen = pixels.clone();
        int k = Math.min(max, chosen.length);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(chosen.length - i);
            int tmp = chosen[i];
            chosen[i] = chosen[j];
            chosen[j] = tmp;
        }
        float weight = pixels.length / (float) k;
        for (int i = 0; i < k; i++) {
            rows.add(planes, chosen[i], label, weight);
        }
    }
}
