package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * A 2-D convolution with bias; "same" padding for odd kernels, none for patchify kernels
 * ({@code kernel == stride}).
 *
 * <p>Training on a CPU computes it as im2col plus a matrix product, not with the engine's convolution: libtorch
 * 2.7.1's oneDNN convolution on this project's CPUs returns wrong outputs at batch sizes above 1
 * for many channel counts, and NaN input gradients for stride-2 kernels (docs/engine-notes.md;
 * {@code ConvCorrectnessTest} guards both). Shifted slices, reshapes and a GEMM have plain,
 * well-tested gradients. Inference uses the engine, which is correct for one sample at a time and several
 * times faster; {@link EngineConvolution} decides per call whether a batch may go to it whole.
 */
public final class Conv extends ParamBlock {

    private final Parameter weight;
    private final Parameter bias;
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;

    /**
     * @param in input channels
     * @param out output channels
     * @param kernel square kernel side: odd with stride 1, or equal to the stride (patchify)
     * @param stride stride
     * @param init weight initialiser
     */
    public Conv(int in, int out, int kernel, int stride, Init init) {
        if (!(stride == 1 && kernel % 2 == 1) && kernel != stride) {
            throw new IllegalArgumentException("supported: odd kernels at stride 1, or kernel == stride; got kernel "
                    + kernel + " stride " + stride);
        }
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        // Stored flat, (out, in*k*k) in (in, ky, kx) order: reshaping a parameter inside forward
        // would put the result in the model's manager, not the call's.
        weight = param("weight", new Shape(out, (long) in * kernel * kernel), init);
        bias = param("bias", new Shape(out), Init.ZEROS);
    }

    /** Convolves {@code x (b, in, h, w)}. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        Shape s = x.getShape();
        if (s.get(1) != in) {
            throw new IllegalArgumentException("conv expects " + in + " input channels, got " + s.get(1));
        }
        long b = s.get(0);
        EngineConvolution.Path path = EngineConvolution.path(x.getDevice(), b, training);
        if (path != EngineConvolution.Path.REFERENCE) {
            return engine(ps, x, training, path == EngineConvolution.Path.BATCHED);
        }
        long h = s.get(2) / stride;
        long w = s.get(3) / stride;
        NDArray columns = columns(x);
        NDArray y = Linear.linear(columns, value(ps, weight, x, training), value(ps, bias, x, training))
                .singletonOrThrow();
        return y.transpose(0, 2, 1).reshape(b, out, h, w);
    }

    private NDArray engine(ParameterStore ps, NDArray x, boolean training, boolean wholeBatch) {
        NDArray kernels = value(ps, weight, x, training).reshape(out, in, kernel, kernel);
        // An op on a parameter puts its result in the model's manager (engine-notes §2); the call's scope owns it.
        kernels.attach(x.getManager());
        NDArray b = value(ps, bias, x, training);
        Shape strides = new Shape(stride, stride);
        Shape padding = kernel == stride ? new Shape(0, 0) : new Shape(kernel / 2, kernel / 2);
        Shape dilation = new Shape(1, 1);
        if (wholeBatch) {
            return Conv2d.conv2d(x, kernels, b, strides, padding, dilation, 1).singletonOrThrow();
        }
        NDList samples = new NDList();
        for (long i = 0; i < x.getShape().get(0); i++) {
            samples.add(Conv2d.conv2d(x.get(i + ":" + (i + 1)), kernels, b, strides, padding, dilation, 1)
                    .singletonOrThrow());
        }
        return NDArrays.concat(samples, 0);
    }

    /** The input as {@code (b, h_out * w_out, in * k * k)}, column order matching the weight's. */
    private NDArray columns(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long hs = s.get(2);
        long ws = s.get(3);
        long k = kernel;
        if (kernel == stride) {
            NDArray patches = x.reshape(b, in, hs / k, k, ws / k, k).transpose(0, 2, 4, 1, 3, 5);
            return patches.reshape(b, (hs / k) * (ws / k), in * k * k);
        }
        int pad = kernel / 2;
        NDArray padded = pad == 0 ? x : padSpatial(x, pad);
        NDList shifted = new NDList();
        for (int i = 0; i < kernel; i++) {
            for (int j = 0; j < kernel; j++) {
                shifted.add(padded.get(":, :, {}:{}, {}:{}", i, i + hs, j, j + ws));
            }
        }
        NDArray stacked = kernel == 1 ? shifted.get(0).expandDims(2) : NDArrays.stack(shifted, 2);
        return stacked.reshape(b, in * k * k, hs * ws).transpose(0, 2, 1);
    }

    private static NDArray padSpatial(NDArray x, int pad) {
        Shape s = x.getShape();
        NDArray rows = x.getManager().zeros(new Shape(s.get(0), s.get(1), pad, s.get(3)), x.getDataType(), x.getDevice());
        NDArray tall = rows.concat(x, 2).concat(rows, 2);
        NDArray cols = x.getManager().zeros(new Shape(s.get(0), s.get(1), s.get(2) + 2L * pad, pad), x.getDataType(),
                x.getDevice());
        // tall's manager is x's (its first operand, rows, was made there), so the result stays in scope.
        return cols.concat(tall, 3).concat(cols, 3);
    }

    @Override
    protected NDList forwardList(ParameterStore ps, NDList inputs, boolean training) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }
}
