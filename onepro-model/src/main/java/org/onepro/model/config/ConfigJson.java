package org.onepro.model.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link OnePromptConfig} as human-editable JSON. */
public final class ConfigJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ConfigJson() {}

    /** The JSON text of a config. */
    public static String toJson(OnePromptConfig config) {
        return GSON.toJson(config);
    }

    /** Parses and validates a config; malformed or invalid JSON raises IllegalArgumentException. */
    public static OnePromptConfig fromJson(String json) {
        try {
            OnePromptConfig c = GSON.fromJson(json, OnePromptConfig.class);
            if (c == null) {
                throw new IllegalArgumentException("model config JSON is empty");
            }
            return c;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("model config JSON is malformed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps exceptions from the record's validating constructor.
            if (e.getCause() instanceof IllegalArgumentException cause) {
                throw cause;
            }
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("model config JSON lacks a required field", e);
        }
    }

    /** Reads a config file. */
    public static OnePromptConfig read(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }
}
