package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

import java.util.SplittableRandom;

/**
 * Draws initial values in Java from a seed set per parameter, so the same model seed gives the same
 * weights whatever the engine, the thread or the order in which blocks are initialised.
 */
public final class SeededInitializer implements Initializer {

    private final Init init;
    private long seed;

    /** Creates an initialiser of the given kind; the seed is set later by the model. */
    public SeededInitializer(Init init) {
        this.init = init;
    }

    /** Sets the seed for this parameter (derived from the model seed and the parameter's name). */
    public void setSeed(long seed) {
        this.seed = seed;
    }

    /** The kind of values this initialiser draws. */
    public Init kind() {
        return init;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        return manager.create(values(shape), shape).toType(dataType, false);
    }

    /** The initial values for a parameter of this shape, row-major. */
    public float[] values(Shape shape) {
        int size = Math.toIntExact(shape.size());
        float[] v = new float[size];
        long fanIn = shape.dimension() > 1 ? shape.size() / shape.get(0) : shape.size();
        SplittableRandom rng = new SplittableRandom(seed);
        switch (init) {
            case ZEROS:
                break;
            case ONES:
                java.util.Arrays.fill(v, 1f);
                break;
            case HE:
                fillNormal(v, rng, Math.sqrt(2.0 / fanIn));
                break;
            case LECUN:
                fillNormal(v, rng, Math.sqrt(1.0 / fanIn));
                break;
            case SMALL:
                fillNormal(v, rng, 0.02);
                break;
            case STANDARD_NORMAL:
                fillNormal(v, rng, 1.0);
                break;
            case TOKEN_MIX:
                fillNormal(v, rng, 0.02 / Math.sqrt(shape.get(0)));
                int n = Math.toIntExact(shape.get(0));
                int cols = Math.toIntExact(shape.get(1));
                for (int r = 0; r < n; r++) {
                    for (int k = 0; k < cols / n; k++) {
                        v[r * cols + k * n + r] += 1f;
                    }
                }
                break;
            default:
                throw new IllegalStateException("unknown init " + init);
        }
        return v;
    }

    private static void fillNormal(float[] v, SplittableRandom rng, double std) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
    }
}
