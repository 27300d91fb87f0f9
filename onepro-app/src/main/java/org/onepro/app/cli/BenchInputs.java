package org.onepro.app.cli;

import org.onepro.core.image.Image;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated, seeded inputs for {@code onepro bench}: a noisy RGB template and queries with one
 * smooth blob each, and a foreground click near the centre. Blobs rather than pure noise keep the
 * percentile normaliser and the prompt in the regime real images put them in.
 *
 * @param template the prompted image
 * @param queries the images to segment
 * @param prompt a click near the template's centre
 */
record BenchInputs(Image template, List<Image> queries, Prompt prompt) {

    /** Inputs of side {@code size} with {@code batch} queries; equal seeds give equal inputs. */
    static BenchInputs generate(int size, int batch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Image template = blobImage(size, rng);
        List<Image> queries = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            queries.add(blobImage(size, rng));
        }
        double jitter = size / 16.0;
        Prompt click = Click.foreground(size / 2.0 + jitter * (rng.nextDouble() - 0.5),
                size / 2.0 + jitter * (rng.nextDouble() - 0.5));
        return new BenchInputs(template, List.copyOf(queries), click);
    }

    private static Image blobImage(int s, SplittableRandom rng) {
        float[] v = new float[3 * s * s];
        double cx = s * (0.3 + 0.4 * rng.nextDouble());
        double cy = s * (0.3 + 0.4 * rng.nextDouble());
        double r = s * (0.1 + 0.1 * rng.nextDouble());
        for (int c = 0; c < 3; c++) {
            double tint = 0.8 + 0.2 * rng.nextDouble();
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    double value = 0.2 + 0.6 * tint * Math.exp(-d2 / (2 * r * r)) + 0.05 * rng.nextGaussian();
                    v[(c * s + y) * s + x] = (float) Math.min(1, Math.max(0, value));
                }
            }
        }
        return Image.of(v, 3, s, s);
    }
}
