package org.onepro.model.internal.former;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import org.onepro.model.internal.nn.Scalars;

/**
 * The masking step of the Prompt-Parser (paper eq. 3): a spatially varying Gaussian spread of the
 * prompted template tokens, {@code e_G = max(α ⊙ blur_σ(x), x)}.
 *
 * <p>A per-pixel σ is realised as a fixed bank of depthwise Gaussian blurs at σ in {0.5, 1, 2, 4}
 * grid cells, blended per pixel with hat weights that are linear in log2 σ (clamped to the bank).
 * The blend is differentiable in σ, and the max keeps the strongest activation, so the output is
 * never below its input.
 */
public final class GaussianMasking {

    /** The standard deviations of the blur bank, in grid cells. */
    static final double[] BANK = {0.5, 1, 2, 4};

    private GaussianMasking() {}

    /**
     * @param x tokens as a map {@code (b, D, F, F)}
     * @param alpha gain in [0, 1], {@code (b, 1, F, F)}
     * @param sigma spread in grid cells, {@code (b, 1, F, F)}, positive
     * @return {@code max(α ⊙ blur_σ(x), x)}, shape of {@code x}
     */
    public static NDArray apply(NDArray x, NDArray alpha, NDArray sigma) {
        return NDArrays.maximum(alpha.mul(blur(x, sigma)), x);
    }

    /** The spatially varying blur of {@code x} with per-pixel standard deviation {@code sigma}. */
    public static NDArray blur(NDArray x, NDArray sigma) {
        NDArray position = Scalars.mul(sigma.log(), (float) (1 / Math.log(2))).add(1f).clip(0, BANK.length - 1);
        NDArray out = null;
        for (int k = 0; k < BANK.length; k++) {
            NDArray weight = Activation.relu(position.sub(k).abs().neg().add(1f));
            NDArray term = depthwiseBlur(x, BANK[k]).mul(weight);
            out = out == null ? term : out.add(term);
        }
        return out;
    }

    /**
     * A fixed isotropic Gaussian blur of every channel, zero-padded, radius min(ceil(3σ), F-1),
     * computed separably as weighted sums of shifted slices: the engine's grouped convolution is
     * avoided for the reasons in docs/engine-notes.md §1.
     */
    static NDArray depthwiseBlur(NDArray x, double sigma) {
        Shape s = x.getShape();
        int side = Math.toIntExact(Math.min(s.get(2), s.get(3)));
        int radius = (int) Math.min(Math.ceil(3 * sigma), side - 1);
        float[] kernel = new float[2 * radius + 1];
        double total = 0;
        for (int i = 0; i < kernel.length; i++) {
            double d = i - radius;
            kernel[i] = (float) Math.exp(-d * d / (2 * sigma * sigma));
            total += kernel[i];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) total;
        }
        return blurAxis(blurAxis(x, kernel, radius, 2), kernel, radius, 3);
    }

    private static NDArray blurAxis(NDArray x, float[] kernel, int radius, int axis) {
        if (radius == 0) {
            return x;
        }
        Shape s = x.getShape();
        long length = s.get(axis);
        long[] padShape = s.getShape().clone();
        padShape[axis] = radius;
        NDArray zeros = x.getManager().zeros(new Shape(padShape), x.getDataType(), x.getDevice());
        NDArray padded = zeros.concat(x, axis).concat(zeros, axis);
        NDArray out = null;
        for (int i = 0; i < kernel.length; i++) {
            String range = i + ":" + (i + length);
            NDArray slice = axis == 2 ? padded.get(":, :, " + range) : padded.get(":, :, :, " + range);
            NDArray term = slice.mul(Scalars.of(x, kernel[i]));
            out = out == null ? term : out.add(term);
        }
        return out;
    }
}
