package org.onepro.model.internal.tokens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.onepro.model.internal.nn.Init;
import org.onepro.model.internal.nn.ParamBlock;

/**
 * Random Fourier positional encoding: a fixed Gaussian matrix {@code G (2, D/2)}, stored with the
 * weights, maps a normalised position {@code (u, v)} to {@code [sin 2πw, cos 2πw]} with
 * {@code w = (2u-1, 2v-1) G}.
 *
 * <p>Callers pass positions already as {@code 2π(2u-1)} ({@link #scaled}) so no Java-number
 * multiplication reaches the engine.
 */
public final class FourierEncoding extends ParamBlock {

    private final Parameter gaussian;

    /** @param dim the encoding width D (even) */
    public FourierEncoding(int dim) {
        gaussian = param("gaussian", new Shape(2, dim / 2), Init.STANDARD_NORMAL, false);
    }

    /** {@code 2π(2u-1)}: the form in which positions enter {@link #encode}. */
    public static float scaled(double u) {
        return (float) (2 * Math.PI * (2 * u - 1));
    }

    /** Encodes scaled positions {@code (..., 2)} to {@code (..., D)}. */
    public NDArray encode(ParameterStore ps, NDArray scaledPositions, boolean training) {
        NDArray w = scaledPositions.matMul(value(ps, gaussian, scaledPositions, training));
        return w.sin().concat(w.cos(), -1);
    }

    /** The encoding of every cell centre of a {@code side x side} grid, row-major: {@code (side², D)}. */
    public NDArray grid(ParameterStore ps, NDArray like, int side, boolean training) {
        float[] pos = new float[side * side * 2];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                pos[2 * (i * side + j)] = scaled((j + 0.5) / side);
                pos[2 * (i * side + j) + 1] = scaled((i + 0.5) / side);
            }
        }
        NDArray positions = like.getManager().create(pos, new Shape((long) side * side, 2));
        return encode(ps, positions, training);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(encode(ps, inputs.singletonOrThrow(), training));
    }
}
