package org.onepro.train.cuenet;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.onepro.model.nn.SeededInitializer;
import org.onepro.train.loss.SegmentationLoss;
import org.onepro.train.optim.AdamW;
import org.onepro.train.optim.Gradients;

/**
 * Trains a {@link CueNet} on the pairs of {@link CollectCuePairs}: BCE + soft Dice, AdamW with cosine decay, each
 * sample under a random flip or transpose applied to all its planes alike. With {@code residual} the network's output
 * is added to the classifier's logit, so it starts as the pixel classifier and learns corrections.
 *
 * <pre>
 * TrainCueNet CACHE.bin OUT.cuenet CHANNELS(e.g. 0,1,2,3,4) WIDTH STEPS BATCH SEED [residual]
 * </pre>
 */
public final class TrainCueNet {

    private static final int S = CuePlanes.SIDE;

    private TrainCueNet() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int[] channels = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int width = Integer.parseInt(args[3]);
        int steps = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        long seed = Long.parseLong(args[6]);
        boolean residual = args.length > 7 && args[7].equals("residual");
        List<byte[]> planes = new ArrayList<>();
        List<byte[]> truths = new ArrayList<>();
        read(cache, planes, truths);
        System.out.printf(Locale.ROOT, "%d pairs, channels %s, width %d, %d steps of %d%n", planes.size(),
                Arrays.toString(channels), width, steps, batch);
        int c = channels.length;
        int n = S * S;
        SplittableRandom rng = new SplittableRandom(seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            CueNet net = new CueNet(c, width);
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().getInitializer() instanceof SeededInitializer s) {
                    s.setSeed(seed * 31 + p.getKey().hashCode());
                }
            }
            net.initialize(manager, DataType.FLOAT32, new Shape(1));
            ParameterStore ps = new ParameterStore(manager, false);
            long t0 = System.nanoTime();
            double running = 0;
            try (AdamW adam = AdamW.withDefaults(manager, 1e-4f)) {
                for (int step = 0; step < steps; step++) {
                    float lr = (float) (2e-3 * Math.min(1.0, (step + 1) / 100.0) * 0.5
                            * (1 + Math.cos(Math.PI * step / steps)));
                    float[] x = new float[batch * c * n];
                    float[] y = new float[batch * n];
                    float[] rf = new float[batch * n];
                    for (int b = 0; b < batch; b++) {
                        int k = rng.nextInt(planes.size());
                        int d = rng.nextInt(8);
                        byte[] src = planes.get(k);
                        for (int ci = 0; ci < c; ci++) {
                            dihedral(src, channels[ci] * n, x, (b * c + ci) * n, d);
                        }
                        dihedral(truths.get(k), 0, y, b * n, d);
                        dihedral(src, 2 * n, rf, b * n, d);
                    }
                    try (NDManager m = manager.newSubManager()) {
                        NDArray xs = m.create(x, new Shape(batch, c, S, S));
                        NDArray ys = m.create(y, new Shape(batch, 1, S, S)).gt(0.5f).toType(DataType.FLOAT32, false);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            Gradients.zero(net.getParameters());
                            NDArray logits = net.apply(ps, xs, true);
                            if (residual) {
                                logits = logits.add(m.create(logit(rf), new Shape(batch, 1, S, S)));
                            }
                            NDArray loss = SegmentationLoss.binaryCrossEntropy(logits, ys)
                                    .add(SegmentationLoss.softDice(logits, ys)).mean();
                            gc.backward(loss);
                            running = 0.98 * running + 0.02 * loss.getFloat();
                        }
                        adam.update(net.getParameters(), lr);
                    }
                    if ((step + 1) % 100 == 0) {
                        System.out.printf(Locale.ROOT, "step %d loss %.4f lr %.5f %.0f s%n", step + 1,
                                running / (1 - Math.pow(0.98, step + 1)), lr, (System.nanoTime() - t0) / 1e9);
                    }
                    if ((step + 1) % 500 == 0 || step + 1 == steps) {
                        CueNetFile.save(net, channels, width, residual, out);
                    }
                }
            }
        }
    }

    /** The logit of probabilities kept within [0.01, 0.99], so a certain classifier can still be corrected. */
    public static float[] logit(float[] p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            float q = Math.min(0.99f, Math.max(0.01f, p[i]));
            out[i] = (float) Math.log(q / (1 - q));
        }
        return out;
    }

    static void read(Path cache, List<byte[]> planes, List<byte[]> truths) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
            if (in.readInt() != CollectCuePairs.MAGIC) {
                throw new IOException(cache + " is not a cue-pair cache");
            }
            int p = in.readInt();
            int side = in.readInt();
            if (p != CuePlanes.PLANES || side != S) {
                throw new IOException(cache + " holds " + p + " planes at " + side + " px");
            }
            while (in.readBoolean()) {
                in.readUTF();
                byte[] v = new byte[p * side * side];
                in.readFully(v);
                byte[] t = new byte[side * side];
                in.readFully(t);
                planes.add(v);
                truths.add(t);
            }
        }
    }

    /** Copies one plane under dihedral transform {@code d} (bit 0 flips x, bit 1 flips y, bit 2 transposes). */
    private static void dihedral(byte[] src, int offset, float[] dst, int dstOffset, int d) {
        for (int yy = 0; yy < S; yy++) {
            for (int xx = 0; xx < S; xx++) {
                int sy = (d & 4) != 0 ? xx : yy;
                int sx = (d & 4) != 0 ? yy : xx;
                if ((d & 1) != 0) {
                    sx = S - 1 - sx;
                }
                if ((d & 2) != 0) {
                    sy = S - 1 - sy;
                }
                dst[dstOffset + yy * S + xx] = (src[offset + sy * S + sx] & 0xff) / 255f;
            }
        }
    }
}
