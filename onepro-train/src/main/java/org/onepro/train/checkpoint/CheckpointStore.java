package org.onepro.train.checkpoint;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.Splits;
import org.onepro.core.io.AtomicFiles;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.model.io.ModelInfo;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.config.TrainConfigJson;
import org.onepro.train.optim.AdamW;

/**
 * Checkpoints of one run, in {@code <run>/checkpoints/step-NNNNNNNN/}: a model folder ({@code weights.npz} +
 * {@code model.json}, loadable by the segmenter as is), {@code optimizer.npz}, {@code state.json},
 * {@code config.json} and {@code splits.json}.
 *
 * <p>A checkpoint is written into a hidden temporary folder and renamed into place in one atomic step, and only
 * then does the {@code latest} file (itself replaced atomically) point at it. A crash or {@code kill -9} at any
 * moment therefore leaves the previous checkpoint complete and {@code latest} pointing at a complete checkpoint;
 * half-written temporary folders are ignored and removed by the next write.
 */
public final class CheckpointStore {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static final String LATEST = "latest";
    private static final String PREFIX = "step-";
    private static final String STATE = "state.json";

    private final Path dir;
    private final int keep;
    private Runnable midWrite = () -> { };

    /**
     * @param dir  the checkpoints folder (created on the first write)
     * @param keep how many checkpoints to keep; older ones are deleted after a successful write
     */
    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = Math.max(1, keep);
    }

    /** For tests of crash safety: runs after the checkpoint's files are written, before it is renamed in place. */
    void onMidWrite(Runnable hook) {
        this.midWrite = hook;
    }

    /** The checkpoints folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Writes a checkpoint.
     *
     * @return the checkpoint's folder
     * @throws UncheckedIOException if a file cannot be written; the previous checkpoint is untouched
     */
    public Path write(OnePromptModel model, AdamW optimizer, TrainingState state, TrainConfig config,
            Splits splits) {
        String name = String.format("%s%08d", PREFIX, state.step());
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(dir);
            deleteTree(tmp);
            Files.createDirectories(tmp);
            ModelIO.save(model, ModelInfo.now(config.seed(), "checkpoint at step " + state.step()), tmp);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            NDList moments = optimizer.state();
            if (!moments.isEmpty()) {
                moments.encode(bytes, NDList.Encoding.NPZ);
            }
            Files.write(tmp.resolve("optimizer.npz"), bytes.toByteArray());
            JsonObject json = GSON.toJsonTree(state).getAsJsonObject();
            json.addProperty("optimizerSteps", optimizer.stepCount());
            Files.writeString(tmp.resolve(STATE), GSON.toJson(json) + "\n");
            Files.writeString(tmp.resolve("config.json"), TrainConfigJson.toJson(config));
            splits.write(tmp.resolve("splits.json"));
            midWrite.run();
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.writeString(dir.resolve(LATEST), name + "\n");
            prune(name);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint: the one {@code latest} names, else the highest-numbered complete one. */
    public Optional<Path> latest() {
        Path pointer = dir.resolve(LATEST);
        try {
            if (Files.isRegularFile(pointer)) {
                Path named = dir.resolve(Files.readString(pointer).trim());
                if (complete(named)) {
                    return Optional.of(named);
                }
            }
            return complete().stream().reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint; its arrays are owned by {@code manager}.
     *
     * @throws InvalidInputException if a file is missing or damaged (the message names it)
     */
    public static Checkpoint read(Path checkpoint, NDManager manager) {
        try {
            OnePromptModel model = ModelIO.load(checkpoint, manager);
            JsonObject json = JsonParser.parseString(Files.readString(checkpoint.resolve(STATE))).getAsJsonObject();
            TrainingState state = GSON.fromJson(json, TrainingState.class);
            long optimizerSteps = json.get("optimizerSteps").getAsLong();
            byte[] moments = Files.readAllBytes(checkpoint.resolve("optimizer.npz"));
            NDList optimizer = new NDList();
            if (moments.length > 0) {
                try (InputStream in = new java.io.ByteArrayInputStream(moments)) {
                    optimizer = NDList.decode(manager, in);
                }
            }
            TrainConfig config = TrainConfigJson.fromJson(Files.readString(checkpoint.resolve("config.json")));
            return new Checkpoint(checkpoint, model, optimizer, optimizerSteps, state, config);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException("checkpoint " + checkpoint + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The splits saved with a checkpoint. */
    public static Splits readSplits(Path checkpoint) {
        return Splits.read(checkpoint.resolve("splits.json"));
    }

    private static boolean complete(Path candidate) {
        return Files.isRegularFile(candidate.resolve(STATE)) && Files.isRegularFile(candidate.resolve(ModelIO.SIDECAR));
    }

    /** Complete checkpoints, oldest first. */
    private List<Path> complete() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(CheckpointStore::complete)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private void prune(String current) throws IOException {
        List<Path> all = complete();
        int excess = all.size() - keep;
        for (Path p : all) {
            if (excess <= 0) {
                break;
            }
            if (!p.getFileName().toString().equals(current)) {
                deleteTree(p);
                excess--;
            }
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path p : children.filter(c -> c.getFileName().toString().endsWith(".tmp")).toList()) {
                deleteTree(p);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
