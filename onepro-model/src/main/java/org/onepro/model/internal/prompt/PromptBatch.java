package org.onepro.model.internal.prompt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.onepro.core.prompt.PromptType;
import org.onepro.model.internal.tokens.FourierEncoding;

import java.util.List;

/**
 * A batch of encoded prompts as tensors. Every array is owned by the manager it was created in;
 * close that manager (or its scope) to free them.
 *
 * <p>Layout: {@code types (b, 4)} one-hot; {@code points (P, 2)} all part positions, scaled for
 * {@link FourierEncoding}; {@code pooling (b, 2, P)} averaging weights from points to parts;
 * {@code present (b, 2, 1)}; {@code partRasters (b, 2, s, s)}; {@code channels (b, 2, s, s)};
 * {@code mask (b, 1, s, s)}; {@code isSegLab (b, 1, 1)}.
 */
public final class PromptBatch {

    /** Number of prompt types, the rows of the type embedding tables. */
    public static final int TYPES = PromptType.values().length;

    private final NDList arrays;
    private final boolean hasSegLab;

    private PromptBatch(NDList arrays, boolean hasSegLab) {
        this.arrays = arrays;
        this.hasSegLab = hasSegLab;
    }

    /** Stacks encoded prompts (all on the same grid) into tensors owned by {@code manager}. */
    public static PromptBatch of(NDManager manager, List<EncodedPrompt> prompts) {
        int b = prompts.size();
        if (b == 0) {
            throw new IllegalArgumentException("a prompt batch needs at least one prompt");
        }
        int s = prompts.get(0).size();
        int plane = s * s;
        int totalPoints = 0;
        for (EncodedPrompt p : prompts) {
            if (p.size() != s) {
                throw new IllegalArgumentException("prompts of one batch must share a grid: " + p.size() + " vs " + s);
            }
            totalPoints += p.part1().size() + p.part2().size();
        }
        int rows = Math.max(1, totalPoints);
        float[] types = new float[b * TYPES];
        float[] points = new float[rows * 2];
        float[] pooling = new float[b * 2 * rows];
        float[] present = new float[b * 2];
        float[] partRasters = new float[b * 2 * plane];
        float[] channels = new float[b * 2 * plane];
        float[] mask = new float[b * plane];
        float[] isSegLab = new float[b];
        boolean anySegLab = false;
        int row = 0;
        for (int i = 0; i < b; i++) {
            EncodedPrompt p = prompts.get(i);
            types[i * TYPES + p.typeIndex()] = 1f;
            List<List<float[]>> parts = List.of(p.part1(), p.part2());
            for (int k = 0; k < 2; k++) {
                List<float[]> part = parts.get(k);
                present[i * 2 + k] = part.isEmpty() ? 0f : 1f;
                for (float[] uv : part) {
                    points[row * 2] = FourierEncoding.scaled(uv[0]);
                    points[row * 2 + 1] = FourierEncoding.scaled(uv[1]);
                    pooling[(i * 2 + k) * rows + row] = 1f / part.size();
                    row++;
                }
            }
            System.arraycopy(p.partRasters(), 0, partRasters, i * 2 * plane, 2 * plane);
            System.arraycopy(p.channels(), 0, channels, i * 2 * plane, 2 * plane);
            if (p.mask() != null) {
                System.arraycopy(p.mask(), 0, mask, i * plane, plane);
                isSegLab[i] = 1f;
                anySegLab = true;
            }
        }
        NDList arrays = new NDList(
                manager.create(types, new Shape(b, TYPES)),
                manager.create(points, new Shape(rows, 2)),
                manager.create(pooling, new Shape(b, 2, rows)),
                manager.create(present, new Shape(b, 2, 1)),
                manager.create(partRasters, new Shape(b, 2, s, s)),
                manager.create(channels, new Shape(b, 2, s, s)),
                manager.create(mask, new Shape(b, 1, s, s)),
                manager.create(isSegLab, new Shape(b, 1, 1)));
        return new PromptBatch(arrays, anySegLab);
    }

    /** Rebuilds a batch from {@link #toList()}'s layout. */
    public static PromptBatch fromList(NDList list) {
        if (list.size() != 8) {
            throw new IllegalArgumentException("a prompt batch is 8 arrays, got " + list.size());
        }
        boolean seg = list.get(7).sum().getFloat() > 0;
        return new PromptBatch(list, seg);
    }

    /** The eight arrays in the documented order. */
    public NDList toList() {
        return arrays;
    }

    /** Batch size. */
    public long size() {
        return types().getShape().get(0);
    }

    /** {@code (b, 4)} one-hot prompt types. */
    public NDArray types() {
        return arrays.get(0);
    }

    /** {@code (P, 2)} scaled point positions. */
    public NDArray points() {
        return arrays.get(1);
    }

    /** {@code (b, 2, P)} weights averaging points into parts. */
    public NDArray pooling() {
        return arrays.get(2);
    }

    /** {@code (b, 2, 1)} 1 where a part has points. */
    public NDArray present() {
        return arrays.get(3);
    }

    /** {@code (b, 2, s, s)} part rasters. */
    public NDArray partRasters() {
        return arrays.get(4);
    }

    /** {@code (b, 2, s, s)} encoder prompt channels (foreground, background). */
    public NDArray channels() {
        return arrays.get(5);
    }

    /** {@code (b, 1, s, s)} SegLab masks (zeros for sparse prompts). */
    public NDArray mask() {
        return arrays.get(6);
    }

    /** {@code (b, 1, 1)} 1 for SegLab prompts. */
    public NDArray isSegLab() {
        return arrays.get(7);
    }

    /** Whether any prompt of the batch is a SegLab mask. */
    public boolean hasSegLab() {
        return hasSegLab;
    }
}
