package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * Conversions between token sequences and feature maps, and resampling on grids. Nearest
 * upsampling by repetition and pixel shuffle are exact and cheap; DJL's interpolation always
 * antialiases and is slow on CPU (docs/engine-notes.md §4.5).
 */
public final class Grids {

    private Grids() {}

    /** {@code (b, c, f, f)} to tokens {@code (b, f*f, c)}, row-major cells. */
    public static NDArray toTokens(NDArray map) {
        Shape s = map.getShape();
        return map.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1);
    }

    /** Tokens {@code (b, f*f, c)} to a map {@code (b, c, f, f)}. */
    public static NDArray toMap(NDArray tokens) {
        Shape s = tokens.getShape();
        long f = side(s.get(1));
        return tokens.transpose(0, 2, 1).reshape(s.get(0), s.get(2), f, f);
    }

    /** The side of a square grid of {@code n} cells. */
    public static long side(long n) {
        long f = Math.round(Math.sqrt(n));
        if (f * f != n) {
            throw new IllegalArgumentException(n + " tokens do not form a square grid");
        }
        return f;
    }

    /** Nearest-neighbour upsampling of {@code (b, c, h, w)} by an integer factor. */
    public static NDArray upsample(NDArray map, int factor) {
        if (factor == 1) {
            return map;
        }
        return map.repeat(2, factor).repeat(3, factor);
    }

    /** Average pooling of {@code (b, c, h, w)} by an integer factor. */
    public static NDArray downsample(NDArray map, int factor) {
        if (factor == 1) {
            return map;
        }
        Shape k = new Shape(factor, factor);
        return Pool.avgPool2d(map, k, k, new Shape(0, 0), false, true);
    }

    /** Rearranges {@code (b, c*r*r, h, w)} into {@code (b, c, h*r, w*r)} (sub-pixel upsampling). */
    public static NDArray pixelShuffle(NDArray x, int r) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1) / ((long) r * r);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(b, c, r, r, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(b, c, h * r, w * r);
    }
}
