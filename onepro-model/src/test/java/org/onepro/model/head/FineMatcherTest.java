package org.onepro.model.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.onepro.model.tokens.FourierEncoding;

class FineMatcherTest {

    private static final int SIZE = 128;
    private static final int CHANNELS = 16;
    private static final int DIM = 64;

    private static FineMatcher matcher(NDManager m) {
        FourierEncoding positions = new FourierEncoding(DIM);
        positions.initialize(m, DataType.FLOAT32, new Shape(1));
        FineMatcher matcher = new FineMatcher(CHANNELS, DIM, positions);
        matcher.initialize(m, DataType.FLOAT32, new Shape(1));
        return matcher;
    }

    /** A small target, 8 x 8 pixels (2 x 2 matcher cells), prompted in the foreground channel. */
    private static NDArray smallPrompt(NDManager m, int y, int x) {
        NDArray prompt = m.zeros(new Shape(1, 2, SIZE, SIZE));
        prompt.set(new NDIndex(":, 0, {}:{}, {}:{}", y, y + 8, x, x + 8), 1f);
        return prompt;
    }

    @Test
    void onTheSameImageAnUntrainedMatcherCarriesASmallPromptToTheSamePlace() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            FineMatcher matcher = matcher(m);
            ParameterStore ps = new ParameterStore(m, false);
            int side = SIZE / FineMatcher.STRIDE;
            NDArray features = m.randomNormal(new Shape(1, CHANNELS, side, side));
            NDArray matched = matcher.match(ps, features, matcher.template(ps, features, smallPrompt(m, 40, 72), false),
                    false);
            assertEquals(new Shape(1, 2, side, side), matched.getShape());
            float[] fg = matched.get(":, 0").toFloatArray();
            int best = 0;
            for (int i = 1; i < fg.length; i++) {
                best = fg[i] > fg[best] ? i : best;
            }
            int by = best / side;
            int bx = best % side;
            // The prompt covers cells 10-11 x 18-19 of the 32 x 32 grid.
            assertTrue(by >= 9 && by <= 12 && bx >= 17 && bx <= 20, "peak at cell " + by + ", " + bx);
            double far = 0;
            int count = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (Math.abs(y - 10.5) > 8 || Math.abs(x - 18.5) > 8) {
                        far += fg[y * side + x];
                        count++;
                    }
                }
            }
            far /= count;
            assertTrue(fg[best] > 5 * far, "peak " + fg[best] + " against " + far + " far from the prompt");
        }
    }

    @Test
    void eachQueryCellTakesAWeightedMeanOfTheTemplatesPromptValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(6);
            FineMatcher matcher = matcher(m);
            ParameterStore ps = new ParameterStore(m, false);
            int side = SIZE / FineMatcher.STRIDE;
            NDArray template = m.randomNormal(new Shape(1, CHANNELS, side, side));
            NDArray query = m.randomNormal(new Shape(1, CHANNELS, side, side));
            // A template whose prompt channels are 1 everywhere carries 1 everywhere, whatever matches what.
            NDList full = matcher.template(ps, template, m.ones(new Shape(1, 2, SIZE, SIZE)), false);
            float[] ones = matcher.match(ps, query, full, false).toFloatArray();
            float[] expected = new float[ones.length];
            java.util.Arrays.fill(expected, 1f);
            assertArrayEquals(expected, ones, 1e-5f);
            // An empty prompt carries nothing.
            NDList empty = matcher.template(ps, template, m.zeros(new Shape(1, 2, SIZE, SIZE)), false);
            assertEquals(0f, matcher.match(ps, query, empty, false).abs().max().getFloat(), 0f);
        }
    }
}
