package org.onepro.examples.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.onepro.classic.classifier.PixelClassifier;
import org.onepro.classic.grid.Grid;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.train.cuenet.CueNetFile;
import org.onepro.train.cuenet.CuePlanes;

/** Trial: the cue network of {@code org.onepro.train.cuenet} on the first template's mask. */
public final class CueNetPredictor implements Predictor, AutoCloseable {

    private final CueNetFile.Loaded loaded;
    private final ParameterStore ps;
    private final long seed;
    private final boolean detail;

    /**
     * A trial predictor.
     *
     * @param file   the trained network
     * @param seed   the classifier's seed
     * @param detail whether the classifier decides where the network is unsure
     */
    public CueNetPredictor(Path file, long seed, boolean detail) {
        try {
            this.loaded = CueNetFile.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.ps = new ParameterStore(loaded.manager(), false);
        this.seed = seed;
        this.detail = detail;
    }

    @Override
    public Target target(List<PromptedTemplate> templates, List<Mask> masks) {
        Image template = templates.get(0).template();
        Mask mask = masks.get(0);
        PixelClassifier rf = CuePlanes.classifier(template, mask, seed);
        return new Target() {
            @Override
            public Mask predict(Image query) {
                return probability(template, mask, rf, query.withChannels(template.channels())).threshold(0.5f);
            }

            @Override
            public void close() {
                rf.close();
            }
        };
    }

    private ProbabilityMap probability(Image template, Mask mask, PixelClassifier rf, Image query) {
        CuePlanes.Pair pair = CuePlanes.of(template, mask, rf, query);
        int s = CuePlanes.SIDE;
        int n = s * s;
        int[] channels = loaded.channels();
        float[] x = new float[channels.length * n];
        for (int c = 0; c < channels.length; c++) {
            // The training cache held bytes: quantise alike.
            for (int i = 0; i < n; i++) {
                x[c * n + i] = Math.round(pair.planes()[channels[c] * n + i] * 255f) / 255f;
            }
        }
        try (NDManager m = loaded.manager().newSubManager()) {
            NDArray logits = loaded.net().apply(ps, m.create(x, new Shape(1, channels.length, s, s)), false);
            float[] l = logits.toFloatArray();
            float[] full;
            if (loaded.residual()) {
                // The correction is smooth at the working grid; the classifier's own logit keeps full resolution.
                float[] correction = new Grid(l, s, s).resize(pair.height(), pair.width()).data();
                float[] base = org.onepro.train.cuenet.TrainCueNet.logit(pair.classified());
                full = new float[base.length];
                for (int i = 0; i < full.length; i++) {
                    full[i] = (float) (1 / (1 + Math.exp(-(base[i] + correction[i]))));
                }
            } else {
                float[] p = new float[n];
                for (int i = 0; i < n; i++) {
                    p[i] = (float) (1 / (1 + Math.exp(-l[i])));
                }
                full = new Grid(p, s, s).resize(pair.height(), pair.width()).data();
            }
            if (detail) {
                for (int i = 0; i < full.length; i++) {
                    if (full[i] > 0.2f && full[i] < 0.8f) {
                        full[i] = pair.classified()[i];
                    }
                }
            }
            return ProbabilityMap.of(full, pair.height(), pair.width());
        }
    }

    @Override
    public void close() {
        loaded.close();
    }
}
