package org.onepro.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;
import org.onepro.core.transform.Letterbox;
import org.onepro.model.internal.prompt.EncodedPrompt;
import org.onepro.model.internal.prompt.PromptBatch;
import org.onepro.model.internal.prompt.PromptRasterizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Prompts and inputs for model tests, all on an s x s grid. */
public final class TestPrompts {

    private TestPrompts() {}

    /** A prompt of the given type roughly around the centre of an s x s image. */
    public static Prompt of(PromptType type, int s) {
        double c = s / 2.0;
        switch (type) {
            case CLICK:
                return Click.foreground(c, c).withBackground(1, 1);
            case BBOX:
                return new BBox(c - s / 4.0, c - s / 4.0, c + s / 4.0, c + s / 4.0);
            case DOODLE:
                return Doodle.of(List.of(
                        new Stroke(List.of(new Point(c - 3, c), new Point(c + 3, c + 1)), 1.5, true),
                        new Stroke(List.of(new Point(1, 1), new Point(4, 2)), 1, false)));
            default:
                boolean[] m = new boolean[s * s];
                for (int y = s / 4; y < 3 * s / 4; y++) {
                    for (int x = s / 4; x < 3 * s / 4; x++) {
                        m[y * s + x] = true;
                    }
                }
                return SegLab.of(Mask.of(m, s, s));
        }
    }

    /** Encoded prompts of one type, batch b. */
    public static PromptBatch batch(NDManager manager, PromptType type, int s, int b) {
        PromptRasterizer r = new PromptRasterizer(s);
        List<EncodedPrompt> list = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            list.add(r.encode(of(type, s), Letterbox.forImage(s, s, s)));
        }
        return PromptBatch.of(manager, list);
    }

    /** Random images {@code (b, c, s, s)} in [0, 1]. */
    public static NDArray images(NDManager manager, int b, int c, int s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[b * c * s * s];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextDouble();
        }
        return manager.create(v, new Shape(b, c, s, s));
    }

    /** The generic forward inputs for a batch: query, query prompt channels, template, prompt. */
    public static NDList forwardInputs(NDManager manager, PromptType type, int s, int b) {
        NDList in = new NDList(images(manager, b, 3, s, 1), manager.zeros(new Shape(b, 2, s, s)),
                images(manager, b, 3, s, 2));
        in.addAll(batch(manager, type, s, b).toList());
        return in;
    }
}
