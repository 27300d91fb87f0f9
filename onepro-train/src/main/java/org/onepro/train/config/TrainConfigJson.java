package org.onepro.train.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.onepro.core.error.InvalidInputException;

/**
 * Reads and writes {@link TrainConfig} as JSON. A file may give only the fields it changes: the rest come from
 * {@link #defaults()}. Command-line overrides {@code key=value} replace single fields; list fields take
 * comma-separated values ({@code promptTypes=CLICK,BBOX}), {@code qualityMix} and {@code taskWeights} take
 * {@code ORACLE:1,HIGH:2}.
 */
public final class TrainConfigJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private TrainConfigJson() {}

    /**
     * Fields of earlier configs whose value every run now has. A file or a checkpoint that gives that value is read
     * as before; another value is refused with the reason, since no code path reproduces it any more.
     */
    private static final Map<String, JsonPrimitive> FIXED = Map.of(
            "syntheticEveryStyle", new JsonPrimitive(true),
            "templatesFromTrain", new JsonPrimitive(false),
            "sharedFlips", new JsonPrimitive(true),
            "sharedAffine", new JsonPrimitive(true),
            "flipBeforeLetterbox", new JsonPrimitive(true),
            "segLabRadii", new JsonPrimitive("FIXED"));

    /** The commit whose configs and code reproduce the bundled model's stages and the trials before the recipe. */
    public static final String STAGES_COMMIT = "3e7c6bc";

    /**
     * The defaults: the one training recipe, equal to {@code onepro-train/configs/onepro-small.json} (from scratch,
     * 6,000 steps; the recipe of the fold models of docs/evaluation.md), on the data roots given.
     */
    public static JsonObject defaults() {
        JsonObject d = new JsonObject();
        d.add("dataRoots", new JsonArray());
        d.addProperty("preset", "small");
        d.addProperty("initialModel", "");
        d.addProperty("steps", 6000);
        d.addProperty("batchSize", 8);
        d.addProperty("learningRate", 1e-3);
        d.addProperty("minLearningRate", 2e-5);
        d.addProperty("warmupSteps", 200);
        d.addProperty("weightDecay", 0.01);
        d.addProperty("gradClipNorm", 1.0);
        JsonArray types = new JsonArray();
        for (String t : List.of("CLICK", "BBOX", "DOODLE", "SEGLAB")) {
            types.add(t);
        }
        d.add("promptTypes", types);
        JsonObject mix = new JsonObject();
        mix.addProperty("ORACLE", 0.25);
        mix.addProperty("HIGH", 0.35);
        mix.addProperty("MEDIUM", 0.25);
        mix.addProperty("LOW", 0.15);
        d.add("qualityMix", mix);
        d.addProperty("syntheticRatio", 0.5);
        d.addProperty("syntheticTasks", 600);
        d.addProperty("syntheticSamples", 12);
        d.addProperty("structureTasks", 0);
        d.addProperty("interactiveStart", 0.25);
        d.addProperty("interactiveEnd", 0.1);
        d.addProperty("interactiveAnnealSteps", 2000);
        d.addProperty("differentImage", 0.9);
        d.add("taskWeights", new JsonObject());
        d.addProperty("heldOutTasks", "");
        d.addProperty("appearanceRandomisation", 0.8);
        d.addProperty("autoencoderSteps", 300);
        d.addProperty("validateEvery", 500);
        d.addProperty("validationQueries", 4);
        d.addProperty("checkpointEvery", 100);
        d.addProperty("keepCheckpoints", 2);
        d.addProperty("workers", 1);
        d.addProperty("device", "cpu");
        d.addProperty("seed", 1);
        d.addProperty("outputDir", "runs/onepro-small");
        return d;
    }

    /** The JSON text of a config. */
    public static String toJson(TrainConfig config) {
        return GSON.toJson(config) + "\n";
    }

    /** Parses a complete or partial config (missing fields take their defaults). */
    public static TrainConfig fromJson(String json) {
        return fromJson(json, List.of());
    }

    /**
     * Parses a config, then applies {@code key=value} overrides.
     *
     * @throws InvalidInputException if the JSON is malformed, names an unknown field, an override is not
     *                               {@code key=value} or a value does not fit its field, or the result is invalid
     */
    public static TrainConfig fromJson(String json, List<String> overrides) {
        JsonObject merged = defaults();
        JsonElement given;
        try {
            given = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new InvalidInputException("training config is not valid JSON: " + e.getMessage(), e);
        }
        if (!given.isJsonObject()) {
            throw new InvalidInputException("training config must be a JSON object");
        }
        for (Map.Entry<String, JsonElement> e : given.getAsJsonObject().entrySet()) {
            put(merged, e.getKey(), e.getValue());
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("override '" + o + "' is not key=value");
            }
            String key = o.substring(0, eq).trim();
            String text = o.substring(eq + 1).trim();
            if (FIXED.containsKey(key)) {
                checkFixed(key, new JsonPrimitive(text), FIXED.get(key).getAsString());
                continue;
            }
            put(merged, key, parseValue(merged.get(key), key, text));
        }
        try {
            return GSON.fromJson(merged, TrainConfig.class);
        } catch (JsonParseException e) {
            throw new InvalidInputException("training config has a value of the wrong kind: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new InvalidInputException(cause.getMessage(), cause);
        }
    }

    /** Reads a config file with overrides. */
    public static TrainConfig read(Path file, List<String> overrides) {
        try {
            return fromJson(Files.readString(file), overrides);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read training config " + file + ": " + e.getMessage(), e);
        }
    }

    private static void put(JsonObject merged, String key, JsonElement value) {
        if (FIXED.containsKey(key)) {
            checkFixed(key, value, FIXED.get(key));
            return;
        }
        if (!merged.has(key)) {
            throw new InvalidInputException("unknown training config field '" + key + "'; known fields: "
                    + merged.keySet());
        }
        merged.add(key, value);
    }

    private static void checkFixed(String key, JsonElement given, Object fixed) {
        String value = given.isJsonPrimitive() ? given.getAsString() : given.toString();
        if (!value.equals(fixed.toString().replace("\"", ""))) {
            throw new InvalidInputException("training config field " + key + " is no longer a setting: every run now "
                    + "uses " + key + "=" + fixed + " (docs/training.md); the stage and trial configs that set "
                    + value + " run at commit " + STAGES_COMMIT);
        }
    }

    private static JsonElement parseValue(JsonElement current, String key, String text) {
        if (current == null) {
            throw new InvalidInputException("unknown training config field '" + key + "'");
        }
        if (current.isJsonArray()) {
            JsonArray a = new JsonArray();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    a.add(part.trim());
                }
            }
            return a;
        }
        if (current.isJsonObject()) {
            JsonObject o = new JsonObject();
            for (String part : text.split(",")) {
                String[] kv = part.split(":");
                if (kv.length != 2) {
                    throw new InvalidInputException("override of " + key + " must look like A:1,B:2, not " + text);
                }
                o.add(kv[0].trim(), number(key, kv[1].trim()));
            }
            return o;
        }
        if (current.isJsonPrimitive() && current.getAsJsonPrimitive().isNumber()) {
            return number(key, text);
        }
        return new JsonPrimitive(text);
    }

    private static JsonPrimitive number(String key, String text) {
        try {
            return new JsonPrimitive(new java.math.BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("override of " + key + " must be a number, not '" + text + "'");
        }
    }
}
