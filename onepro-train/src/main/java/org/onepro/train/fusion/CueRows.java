package org.onepro.train.fusion;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of cue pixels: blocks of rows, one block per template/query pair, each row the fusion features of one
 * pixel, its truth and its weight. Blocks written with every pixel of the query (weights 1) can be scored as masks.
 */
final class CueRows {

    /** One pair's rows. */
    record Block(String task, String template, String query, int height, int width, boolean wholeImage,
            int features, float[] values, byte[] truth, float[] weights) {

        int rows() {
            return truth.length;
        }
    }

    private CueRows() {
    }

    static DataOutputStream writer(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
    }

    static void write(DataOutputStream out, Block b) throws IOException {
        out.writeUTF(b.task());
        out.writeUTF(b.template());
        out.writeUTF(b.query());
        out.writeInt(b.height());
        out.writeInt(b.width());
        out.writeBoolean(b.wholeImage());
        out.writeInt(b.features());
        out.writeInt(b.rows());
        for (float v : b.values()) {
            out.writeFloat(v);
        }
        out.write(b.truth());
        for (float w : b.weights()) {
            out.writeFloat(w);
        }
    }

    static List<Block> read(Path file) throws IOException {
        List<Block> blocks = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            while (true) {
                String task;
                try {
                    task = in.readUTF();
                } catch (EOFException e) {
                    break;
                }
                String template = in.readUTF();
                String query = in.readUTF();
                int h = in.readInt();
                int w = in.readInt();
                boolean whole = in.readBoolean();
                int f = in.readInt();
                int n = in.readInt();
                float[] values = new float[n * f];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readFloat();
                }
                byte[] truth = new byte[n];
                in.readFully(truth);
                float[] weights = new float[n];
                for (int i = 0; i < n; i++) {
                    weights[i] = in.readFloat();
                }
                blocks.add(new Block(task, template, query, h, w, whole, f, values, truth, weights));
            }
        }
        return blocks;
    }
}
