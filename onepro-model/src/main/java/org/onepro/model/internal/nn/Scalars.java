package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars as native arrays. DJL's {@code mul/div/pow/maximum/minimum(Number)} wrap the Java number
 * in a buffer the JVM may free before backward reads it (docs/engine-notes.md §4.1), so model and loss code
 * multiplies by arrays made here instead.
 */
public final class Scalars {

    private Scalars() {}

    /** A 0-d float array holding {@code v}, owned by the manager of {@code like}. */
    public static NDArray of(NDArray like, float v) {
        return like.getManager().full(new Shape(), v, like.getDataType(), like.getDevice());
    }

    /** {@code x * v} without a Java-number operand. */
    public static NDArray mul(NDArray x, float v) {
        return x.mul(of(x, v));
    }
}
