package org.onepro.model.internal.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.onepro.core.io.AtomicFiles;
import org.onepro.model.config.ConfigJson;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.io.ModelFormatException;
import org.onepro.model.io.ModelInfo;

/**
 * Saves and loads a model directory: {@code weights.npz} (every parameter by name) plus {@code
 * model.json}, a sidecar with the config, the parameter count and shapes, the weights' SHA-256 and
 * how the model was made (nnU-Net style: weights plus a readable description).
 *
 * <p>Format version 2 (written since 2026-12-07) names parameters by their block path without positions
 * ({@code encoder.unit0a.conv.weight}, {@link ParameterNames}) and writes every config field. Version 1 files (the
 * bundled {@code onepro-small} among them) still load: their position-prefixed names map to the same semantic
 * names, and a config field they lack is false, because the features behind such fields ({@code pastedPrompt},
 * {@code refineStage}) came after those files.
 */
public final class ModelIO {

    /** Version of the directory format. */
    public static final String FORMAT_VERSION = "2";
    /** Name of the weights file. */
    public static final String WEIGHTS = "weights.npz";
    /** Name of the sidecar. */
    public static final String SIDECAR = "model.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ModelIO() {}

    /** Writes the model into {@code dir} (created if needed); each file is replaced atomically. */
    public static void save(OnePromptModel model, ModelInfo info, Path dir) throws IOException {
        NDList arrays = new NDList();
        JsonObject shapes = new JsonObject();
        for (Pair<String, Parameter> p : model.getParameters()) {
            String name = ParameterNames.semantic(p.getKey());
            if (shapes.has(name)) {
                throw new IllegalStateException("two parameters share the name " + name + "; give their blocks names");
            }
            NDArray a = p.getValue().getArray();
            a.setName(name);
            arrays.add(a);
            shapes.addProperty(name, a.getShape().toString());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        arrays.encode(bytes, NDList.Encoding.NPZ);
        byte[] weights = bytes.toByteArray();
        JsonObject sidecar = new JsonObject();
        sidecar.addProperty("format", "onepro-model");
        sidecar.addProperty("formatVersion", FORMAT_VERSION);
        sidecar.addProperty("preset", model.config().preset());
        sidecar.add("config", JsonParser.parseString(ConfigJson.toJson(model.config())));
        sidecar.addProperty("parameterCount", model.parameterCount());
        sidecar.add("created", GSON.toJsonTree(info));
        sidecar.addProperty("weightsSha256", sha256(weights));
        sidecar.add("parameters", shapes);
        AtomicFiles.write(dir.resolve(WEIGHTS), out -> out.write(weights));
        byte[] json = GSON.toJson(sidecar).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(SIDECAR), out -> out.write(json));
    }

    /** Reads the config of a model directory without loading weights. */
    public static OnePromptConfig readConfig(Path dir) throws IOException {
        return config(readSidecar(dir), dir);
    }

    /** The sidecar's config; a version-2 file must give every field, a version-1 file may lack later ones. */
    private static OnePromptConfig config(JsonObject sidecar, Path dir) throws ModelFormatException {
        if (!sidecar.get("config").isJsonObject()) {
            throw new ModelFormatException(dir.resolve(SIDECAR) + ": config is not a JSON object");
        }
        JsonObject config = sidecar.getAsJsonObject("config");
        if (!"1".equals(version(sidecar))) {
            for (RecordComponent c : OnePromptConfig.class.getRecordComponents()) {
                if (!config.has(c.getName())) {
                    throw new ModelFormatException(dir.resolve(SIDECAR) + ": the config lacks " + c.getName()
                            + ", which a format-version " + FORMAT_VERSION + " file always writes");
                }
            }
        }
        try {
            return ConfigJson.fromJson(config.toString());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir.resolve(SIDECAR) + ": " + e.getMessage(), e);
        }
    }

    private static String version(JsonObject sidecar) throws ModelFormatException {
        String v = sidecar.has("formatVersion") ? sidecar.get("formatVersion").getAsString() : "1";
        if (!v.equals("1") && !v.equals(FORMAT_VERSION)) {
            throw new ModelFormatException("model format version " + v + " is newer than this OnePro reads (1 to "
                    + FORMAT_VERSION + ")");
        }
        return v;
    }

    /** Reads the creation info of a model directory. */
    public static ModelInfo readInfo(Path dir) throws IOException {
        return GSON.fromJson(readSidecar(dir).get("created"), ModelInfo.class);
    }

    /**
     * Loads a model directory into a new model whose parameters live in {@code manager}. The weights
     * must match the sidecar's hash, and every parameter of the config's model must be present with
     * the recorded shape.
     */
    public static OnePromptModel load(Path dir, NDManager manager) throws IOException {
        JsonObject sidecar = readSidecar(dir);
        byte[] weights;
        try {
            weights = Files.readAllBytes(dir.resolve(WEIGHTS));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("model directory " + dir + " has no " + WEIGHTS, e);
        }
        return load(sidecar, weights, dir, manager);
    }

    /**
     * Loads a model from the contents of its two files, as {@link #load(Path, NDManager)} does; the bundled models
     * are read this way straight from the jar, with no copy on disk.
     *
     * @param where how messages name the model's folder
     */
    public static OnePromptModel load(String sidecarJson, byte[] weights, Path where, NDManager manager)
            throws IOException {
        return load(parseSidecar(sidecarJson, where.resolve(SIDECAR)), weights, where, manager);
    }

    private static OnePromptModel load(JsonObject sidecar, byte[] weights, Path dir, NDManager manager)
            throws IOException {
        OnePromptConfig config = config(sidecar, dir);
        String expected = sidecar.has("weightsSha256") ? sidecar.get("weightsSha256").getAsString() : "";
        if (!expected.equals(sha256(weights))) {
            throw new ModelFormatException(dir.resolve(WEIGHTS) + " does not match the SHA-256 recorded in " + SIDECAR
                    + ": the weights were changed or truncated");
        }
        OnePromptModel model = new OnePromptModel(config);
        long count = sidecar.has("parameterCount") ? sidecar.get("parameterCount").getAsLong() : -1;
        if (count != model.parameterCount()) {
            throw new ModelFormatException(dir.resolve(SIDECAR) + " records " + count
                    + " parameters but its config builds a model with " + model.parameterCount());
        }
        model.initialize(manager, 0L);
        try (NDManager scratch = manager.newSubManager()) {
            NDList loaded;
            try (InputStream in = new java.io.ByteArrayInputStream(weights)) {
                loaded = NDList.decode(scratch, in);
            } catch (RuntimeException e) {
                throw new ModelFormatException(dir.resolve(WEIGHTS) + " is not a readable weights archive", e);
            }
            Map<String, NDArray> byName = new HashMap<>();
            for (NDArray a : loaded) {
                // Version-1 names carry block positions; both versions meet at the semantic name.
                byName.put(ParameterNames.semantic(a.getName()), a);
            }
            for (Pair<String, Parameter> p : model.getParameters()) {
                String name = ParameterNames.semantic(p.getKey());
                NDArray source = byName.get(name);
                NDArray target = p.getValue().getArray();
                if (source == null) {
                    throw new ModelFormatException(dir.resolve(WEIGHTS) + " lacks parameter " + name);
                }
                if (!source.getShape().equals(target.getShape())) {
                    throw new ModelFormatException("parameter " + name + " has shape " + source.getShape()
                            + " in " + WEIGHTS + " but " + target.getShape() + " in the model");
                }
                target.set(source.toByteBuffer());
            }
        }
        return model;
    }

    private static JsonObject readSidecar(Path dir) throws IOException {
        Path file = dir.resolve(SIDECAR);
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException("not a model directory: " + dir + " has no " + SIDECAR);
        }
        return parseSidecar(Files.readString(file), file);
    }

    private static JsonObject parseSidecar(String text, Path file) throws ModelFormatException {
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new ModelFormatException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("config")
                || !"onepro-model".equals(json.getAsJsonObject().has("format")
                        ? json.getAsJsonObject().get("format").getAsString() : null)) {
            throw new ModelFormatException(file + " is not a OnePro model sidecar (format 'onepro-model' with a config)");
        }
        return json.getAsJsonObject();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
