package org.onepro.train.cuenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saves and loads a {@link CueNet}: its channel list, width, whether it corrects the classifier's logit, and every parameter's floats, in parameter order. */
public final class CueNetFile {

    private CueNetFile() {
    }

    /** A loaded network, the input planes it reads and its manager (close it). */
    public record Loaded(CueNet net, int[] channels, boolean residual, NDManager manager) implements AutoCloseable {
        @Override
        public void close() {
            manager.close();
        }
    }

    static void save(CueNet net, int[] channels, int width, boolean residual, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(channels.length);
            for (int c : channels) {
                out.writeInt(c);
            }
            out.writeInt(width);
            out.writeBoolean(residual);
            for (Pair<String, Parameter> p : net.getParameters()) {
                float[] v = p.getValue().getArray().toFloatArray();
                out.writeUTF(p.getKey());
                out.writeInt(v.length);
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads a network.
     *
     * @param file the file
     * @return the network
     * @throws IOException if unreadable
     */
    public static Loaded load(Path file) throws IOException {
        NDManager manager = NDManager.newBaseManager();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int[] channels = new int[in.readInt()];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = in.readInt();
            }
            int width = in.readInt();
            boolean residual = in.readBoolean();
            CueNet net = new CueNet(channels.length, width);
            net.initialize(manager, DataType.FLOAT32, new Shape(1));
            for (Pair<String, Parameter> p : net.getParameters()) {
                String name = in.readUTF();
                if (!name.equals(p.getKey())) {
                    throw new IOException(file + ": expected parameter " + p.getKey() + " but found " + name);
                }
                float[] v = new float[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                NDArray target = p.getValue().getArray();
                target.set(v);
            }
            return new Loaded(net, channels, residual, manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
