package org.onepro.model.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.prompt.PromptType;
import org.onepro.model.TestPrompts;
import org.onepro.model.bundled.BundledModels;
import org.onepro.model.config.ConfigJson;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.io.ModelFormatException;
import org.onepro.model.io.ModelInfo;

class ModelIOTest {

    private static float[] logits(OnePromptModel model, NDManager manager) {
        NDList in = TestPrompts.forwardInputs(manager, PromptType.DOODLE, model.config().inputSize(), 2);
        return model.forward(new ParameterStore(manager, false), in, false).get(0).toFloatArray();
    }

    @Test
    void saveThenLoadGivesBitIdenticalOutputs(@TempDir Path dir) throws Exception {
        float[] before;
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel model = new OnePromptModel(ModelPresets.get("tiny"));
            model.initialize(manager, 42);
            before = logits(model, manager);
            ModelIO.save(model, ModelInfo.now(42, "test"), dir);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel loaded = ModelIO.load(dir, manager);
            assertArrayEquals(before, logits(loaded, manager));
        }
        String sidecar = Files.readString(dir.resolve(ModelIO.SIDECAR));
        assertTrue(sidecar.contains("\"preset\": \"tiny\""), sidecar);
        assertTrue(sidecar.contains("\"parameterCount\""), sidecar);
        assertEquals(42, ModelIO.readInfo(dir).seed());
        assertEquals(ModelPresets.get("tiny"), ModelIO.readConfig(dir));
    }

    @Test
    void aSidecarThatDoesNotMatchTheWeightsIsRefused(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel model = new OnePromptModel(ModelPresets.get("tiny"));
            model.initialize(manager, 1);
            ModelIO.save(model, ModelInfo.now(1, "test"), dir);
        }
        Path sidecar = dir.resolve(ModelIO.SIDECAR);
        String json = Files.readString(sidecar);
        Files.writeString(sidecar, json.replace("\"tokenDim\": 16", "\"tokenDim\": 32"));
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(dir, manager));
            assertTrue(e.getMessage().contains("parameters"), e.getMessage());
        }
        Files.writeString(sidecar, json);
        byte[] weights = Files.readAllBytes(dir.resolve(ModelIO.WEIGHTS));
        Files.write(dir.resolve(ModelIO.WEIGHTS), java.util.Arrays.copyOf(weights, weights.length / 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(dir, manager));
            assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> ModelIO.load(dir.resolve("missing"), manager));
            assertTrue(e.getMessage().contains("not a model directory"), e.getMessage());
        }
    }

    @Test
    void versionTwoNamesParametersByTheirBlockPathAndWritesEveryConfigField(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel model = new OnePromptModel(ModelPresets.get("tiny"));
            model.initialize(manager, 5);
            ModelIO.save(model, ModelInfo.now(5, "test"), dir);
        }
        JsonObject sidecar = JsonParser.parseString(Files.readString(dir.resolve(ModelIO.SIDECAR))).getAsJsonObject();
        assertEquals("2", sidecar.get("formatVersion").getAsString());
        Set<String> names = sidecar.getAsJsonObject("parameters").keySet();
        assertTrue(names.contains("encoder.down0.weight") && names.contains("head.entry.conv.weight"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.matches(".*(^|\\.)\\d\\d[a-zA-Z].*")), "no block positions: " + names);

        // A version-2 file must say what it is: a config field missing is an error, not a silent false.
        JsonObject config = sidecar.getAsJsonObject("config");
        config.remove("refineStage");
        Files.writeString(dir.resolve(ModelIO.SIDECAR), sidecar.toString());
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(dir, manager));
            assertTrue(e.getMessage().contains("lacks refineStage"), e.getMessage());
        }
        sidecar.addProperty("formatVersion", "3");
        Files.writeString(dir.resolve(ModelIO.SIDECAR), sidecar.toString());
        ModelFormatException newer = assertThrows(ModelFormatException.class, () -> ModelIO.readConfig(dir));
        assertTrue(newer.getMessage().contains("version 3 is newer"), newer.getMessage());
    }

    @Test
    void theBundledVersionOneFileSavedAsVersionTwoComputesTheSame(@TempDir Path dir) throws Exception {
        float[] before;
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel bundled = ModelSources.bundled(BundledModels.DEFAULT, manager);
            before = logits(bundled, manager);
            ModelIO.save(bundled, ModelInfo.now(1, "converted"), dir);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            OnePromptModel converted = ModelIO.load(dir, manager);
            assertArrayEquals(before, logits(converted, manager));
        }
    }

    @Test
    void configJsonRoundTripsAndNamesInvalidValues() {
        for (String name : ModelPresets.names()) {
            OnePromptConfig c = ModelPresets.get(name);
            assertEquals(c, ConfigJson.fromJson(ConfigJson.toJson(c)));
        }
        String bad = ConfigJson.toJson(ModelPresets.get("tiny")).replace("\"inputSize\": 32", "\"inputSize\": 30");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson(bad));
        assertTrue(e.getMessage().contains("inputSize 30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson("{not json"));
    }
}
