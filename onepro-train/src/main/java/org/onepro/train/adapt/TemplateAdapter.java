package org.onepro.train.adapt;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.classic.grid.Grid;
import org.onepro.classic.registration.Registration;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.Prompt;
import org.onepro.data.augment.AffineJitter;
import org.onepro.data.augment.ContrastJitter;
import org.onepro.data.augment.GammaJitter;
import org.onepro.data.augment.GaussianNoise;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.transform.Transform;
import org.onepro.train.loss.SegmentationLoss;
import org.onepro.train.optim.AdamW;
import org.onepro.train.optim.Gradients;
import org.onepro.model.nn.SeededInitializer;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Trial: segments the queries of one prompted template with a small U-Net trained on that template alone. Its input
 * at {@link #SIDE} x {@link #SIDE} is the grey image, the pixel classifier's probability and the registered template
 * mask; its training samples are augmented copies of the template (rotation, scale, shift, gamma, contrast, noise)
 * with those cues computed for each copy exactly as for a query: the classifier fitted to the template applied to
 * the copy, the template registered onto the copy.
 */
public final class TemplateAdapter implements AutoCloseable {

    static final int SIDE = 128;

    private final Image template;
    private final PromptSeeds seeds;
    private final PixelClassifier classifier;
    private final NDManager manager;
    private final AdaptNet net;
    private final ParameterStore ps;
    private final int channels;

    private TemplateAdapter(Image template, PromptSeeds seeds, PixelClassifier classifier, NDManager manager,
            AdaptNet net) {
        this.template = template;
        this.seeds = seeds;
        this.classifier = classifier;
        this.manager = manager;
        this.net = net;
        this.ps = new ParameterStore(manager, false);
        this.channels = template.channels();
    }

    /**
     * Fits the classifier and trains the network.
     *
     * @param template the template
     * @param prompt   the prompt on it: a SegLab mask labels every pixel, sparse prompts only some
     * @param copies   augmented copies of the template to train on
     * @param steps    optimiser steps (batch 8)
     * @param width    the network's first width
     * @param seed     seed of augmentation, initialisation and batches
     * @return the adapter
     */
    public static TemplateAdapter fit(Image template, Prompt prompt, int copies, int steps, int width, long seed) {
        PromptSeeds seeds = PromptSeeds.of(prompt, template.height(), template.width());
        int[] size = Grid.fit(template.height(), template.width(), PixelClassifier.Settings.defaults(seed).maxSide());
        boolean[] usable = Mask.of(seeds.labelled(), template.height(), template.width()).resizeNearest(size[0],
                size[1]).data();
        PixelClassifier classifier = PixelClassifier.fit(List.of(template), List.of(seeds.target()),
                List.of(usable), PixelClassifier.Settings.defaults(seed));
        NDManager manager = NDManager.newBaseManager();
        AdaptNet net = new AdaptNet(3, width);
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().getInitializer() instanceof SeededInitializer s) {
                s.setSeed(seed * 31 + p.getKey().hashCode());
            }
        }
        TemplateAdapter a = new TemplateAdapter(template, seeds, classifier, manager, net);
        net.initialize(manager, DataType.FLOAT32, new Shape(1));
        a.train(copies, steps, seed);
        return a;
    }

    private void train(int copies, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Transform pose = new AffineJitter(1.0, 20, 0.8, 1.25, 0.12);
        Transform look = new GammaJitter(0.5, 0.7, 1.5).then(new ContrastJitter(0.5, 0.75, 1.25))
                .then(new GaussianNoise(0.3, 0, 0.05));
        Image norm = normalised(template);
        LabeledImage base = LabeledImage.of("template", "t", norm, LabelMap.of(seeds.labels(), seeds.height(),
                seeds.width()));
        List<float[]> inputs = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            LabeledImage copy = look.apply(pose.apply(base, rng), rng);
            inputs.add(input(copy.image()));
            int h = copy.image().height();
            int w = copy.image().width();
            boolean[] fg = copy.labels().mask(PromptSeeds.TARGET).resizeNearest(SIDE, SIDE).data();
            boolean[] bg = copy.labels().mask(PromptSeeds.BACKGROUND).resizeNearest(SIDE, SIDE).data();
            float[] t = new float[SIDE * SIDE];
            float[] wt = new float[SIDE * SIDE];
            for (int i = 0; i < t.length; i++) {
                t[i] = fg[i] ? 1 : 0;
                // Pixels the affine step moved in from outside the image are labelled 0: unknown, like the prompt's.
                wt[i] = fg[i] || bg[i] ? 1 : 0;
            }
            targets.add(t);
            weights.add(wt);
        }
        boolean dense = true;
        for (int l : seeds.labels()) {
            dense &= l != PromptSeeds.UNKNOWN;
        }
        try (AdamW adam = AdamW.withDefaults(manager, 1e-4f)) {
            for (int step = 0; step < steps; step++) {
                float lr = (float) (3e-3 * 0.5 * (1 + Math.cos(Math.PI * step / steps)));
                try (NDManager m = manager.newSubManager()) {
                    int b = 8;
                    float[] x = new float[b * 3 * SIDE * SIDE];
                    float[] y = new float[b * SIDE * SIDE];
                    float[] wv = new float[b * SIDE * SIDE];
                    for (int i = 0; i < b; i++) {
                        int k = rng.nextInt(copies);
                        boolean flipX = rng.nextBoolean();
                        copyFlipped(inputs.get(k), x, i * 3 * SIDE * SIDE, 3, flipX);
                        copyFlipped(targets.get(k), y, i * SIDE * SIDE, 1, flipX);
                        copyFlipped(weights.get(k), wv, i * SIDE * SIDE, 1, flipX);
                    }
                    NDArray xs = m.create(x, new Shape(b, 3, SIDE, SIDE));
                    NDArray ys = m.create(y, new Shape(b, 1, SIDE, SIDE));
                    NDArray ws = m.create(wv, new Shape(b, 1, SIDE, SIDE));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        Gradients.zero(net.getParameters());
                        NDArray logits = net.apply(ps, xs, true);
                        NDArray loss = dense ? SegmentationLoss.binaryCrossEntropy(logits, ys)
                                .add(SegmentationLoss.softDice(logits, ys)).mean() : maskedBce(logits, ys, ws);
                        gc.backward(loss);
                    }
                    adam.update(net.getParameters(), lr);
                }
            }
        }
    }

    /**
     * The target's probability in a query.
     *
     * @param query the query
     * @return the probabilities at the query's size
     */
    public ProbabilityMap predict(Image query) {
        Image q = normalised(query.withChannels(channels));
        float[] rf = classifier.predict(q).data();
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(input(q, rf), new Shape(1, 3, SIDE, SIDE));
            float[] logits = net.apply(ps, x, false).toFloatArray();
            float[] p = new float[logits.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (1 / (1 + Math.exp(-logits[i])));
            }
            float[] full = new Grid(p, SIDE, SIDE).resize(query.height(), query.width()).data();
            if (DETAIL) {
                // Where the network is unsure (its boundaries, blurred by the working grid), the classifier's
                // full-resolution probability decides.
                for (int i = 0; i < full.length; i++) {
                    if (full[i] > 0.2f && full[i] < 0.8f) {
                        full[i] = rf[i];
                    }
                }
            }
            return ProbabilityMap.of(full, query.height(), query.width());
        }
    }

    static final boolean DETAIL = "1".equals(System.getenv("ONEPRO_TRIAL_DETAIL"));

    /** Cross-entropy over the labelled pixels only (weight 1), as one scalar. */
    private static NDArray maskedBce(NDArray logits, NDArray target, NDArray weight) {
        NDArray perPixel = ai.djl.nn.Activation.relu(logits).sub(logits.mul(target))
                .add(ai.djl.nn.Activation.softPlus(logits.abs().neg()));
        return perPixel.mul(weight).sum().div(weight.sum().add(1f));
    }

    /** The network input of an image (already normalised): grey, classifier probability, registered mask. */
    private float[] input(Image image) {
        return input(image, classifier.predict(image).data());
    }

    /** The network input of an image whose classifier probabilities at its own size are {@code rf}. */
    private float[] input(Image image, float[] rf) {
        int n = SIDE * SIDE;
        float[] out = new float[3 * n];
        System.arraycopy(Grid.grey(image).resize(SIDE, SIDE).data(), 0, out, 0, n);
        System.arraycopy(new Grid(rf, image.height(), image.width()).resize(SIDE, SIDE).data(), 0, out, n, n);
        Grid warped = Registration.register(normalised(template), image, Registration.Settings.DEFAULT)
                .warp(new Grid(seeds.prior(), seeds.height(), seeds.width()), 0f);
        System.arraycopy(warped.resize(SIDE, SIDE).data(), 0, out, 2 * n, n);
        return out;
    }

    private static Image normalised(Image image) {
        float[] out = new float[image.data().length];
        int plane = image.height() * image.width();
        for (int c = 0; c < image.channels(); c++) {
            float[] ch = Grid.channel(image, c).normalised(0.5, 99.5).data();
            System.arraycopy(ch, 0, out, c * plane, plane);
        }
        return Image.of(out, image.channels(), image.height(), image.width());
    }

    private static float[] grid(Mask m) {
        boolean[] d = m.data();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] ? 1 : 0;
        }
        return out;
    }

    private static void copyFlipped(float[] src, float[] dst, int offset, int planes, boolean flipX) {
        for (int c = 0; c < planes; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int sx = flipX ? SIDE - 1 - x : x;
                    dst[offset + (c * SIDE + y) * SIDE + x] = src[(c * SIDE + y) * SIDE + sx];
                }
            }
        }
    }

    @Override
    public void close() {
        classifier.close();
        manager.close();
    }
}
