package org.onepro.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.prompt.PromptType;
import org.onepro.model.config.ModelPresets;

class TrainConfigJsonTest {

    @Test
    void aPartialFileTakesDefaultsAndOverridesWin() {
        TrainConfig c = TrainConfigJson.fromJson("{\"steps\": 50, \"dataRoots\": [\"a\"]}",
                List.of("steps=70", "promptTypes=CLICK,BBOX", "qualityMix=ORACLE:1"));

        assertEquals(70, c.steps());
        assertEquals(List.of("a"), c.dataRoots());
        assertEquals(List.of(PromptType.CLICK, PromptType.BBOX), c.promptTypes());
        assertEquals("small", c.preset());
        assertEquals(c, TrainConfigJson.fromJson(TrainConfigJson.toJson(c)), "JSON round trip");
    }

    @Test
    void unknownFieldsAndBadValuesAreNamed() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> TrainConfigJson.fromJson("{\"stesp\": 5}"));
        assertTrue(unknown.getMessage().contains("stesp"), unknown.getMessage());
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> TrainConfigJson.fromJson("{}", List.of("dataRoots=x", "batchSize=0")));
        assertTrue(bad.getMessage().contains("batchSize"), bad.getMessage());
        assertThrows(InvalidInputException.class, () -> TrainConfigJson.fromJson("{}", List.of("steps=many")));
    }

    @Test
    void aSettingThatIsNowFixedIsReadWithItsValueAndRefusedWithAnother() {
        // Checkpoints of earlier runs store these fields; with the value every run now has they still load.
        TrainConfig old = TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"], \"sharedFlips\": true, "
                + "\"sharedAffine\": true, \"flipBeforeLetterbox\": true, \"syntheticEveryStyle\": true, "
                + "\"templatesFromTrain\": false, \"segLabRadii\": \"FIXED\"}");
        assertEquals(TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}"), old);
        InvalidInputException file = assertThrows(InvalidInputException.class,
                () -> TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"], \"flipBeforeLetterbox\": false}"));
        assertTrue(file.getMessage().contains("flipBeforeLetterbox is no longer a setting")
                && file.getMessage().contains(TrainConfigJson.STAGES_COMMIT), file.getMessage());
        InvalidInputException override = assertThrows(InvalidInputException.class,
                () -> TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}", List.of("segLabRadii=THICKNESS_CAPPED")));
        assertTrue(override.getMessage().contains("segLabRadii"), override.getMessage());
        assertEquals(old, TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}", List.of("sharedAffine=true")));
    }

    @Test
    void taskWeightsComeFromTheFileOrAnOverrideAndMustBePositive() {
        TrainConfig config = TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"], \"taskWeights\": {\"spleen\": 2}}",
                List.of());
        assertEquals(Map.of("spleen", 2.0), config.taskWeights());
        assertEquals(Map.of("spleen", 3.0, "insula", 1.5), TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}",
                List.of("taskWeights=spleen:3,insula:1.5")).taskWeights());
        assertEquals(config, TrainConfigJson.fromJson(TrainConfigJson.toJson(config)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainConfigJson.fromJson(
                "{\"dataRoots\": [\"x\"]}", List.of("taskWeights=spleen:0")));
        assertTrue(e.getMessage().contains("taskWeights.spleen must be a positive number"), e.getMessage());
    }

    @Test
    void appearanceRandomisationIsAProbabilityAndOnByDefault() {
        assertEquals(0.8, TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}").appearanceRandomisation());
        assertEquals(0.0, TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}",
                List.of("appearanceRandomisation=0")).appearanceRandomisation());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainConfigJson.fromJson(
                "{\"dataRoots\": [\"x\"]}", List.of("appearanceRandomisation=1.5")));
        assertTrue(e.getMessage().contains("appearanceRandomisation must lie in [0, 1]"), e.getMessage());
    }

    @Test
    void theDeviceIsTheCpuUnlessNamedAndABadNameIsRefused() {
        assertEquals("cpu", TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}").device());
        assertEquals("gpu:1", TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}", List.of("device=gpu:1")).device());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}", List.of("device=tpu")));
        assertTrue(e.getMessage().contains("device takes cpu, gpu or gpu:N"), e.getMessage());
    }

    @Test
    void theShippedRecipeIsTheDefaultsOneConfigPerPreset() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.list(Path.of("configs"))) {
            configs = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        List<Path> expected = ModelPresets.names().stream().map(p -> Path.of("configs", "onepro-" + p + ".json"))
                .sorted().toList();
        assertEquals(expected, configs, "one recipe per preset");
        // With data, as every run needs; the files name no data so that they stay the recipe.
        List<String> data = List.of("dataRoots=x");
        assertEquals(TrainConfigJson.fromJson("{}", data),
                TrainConfigJson.fromJson(Files.readString(Path.of("configs", "onepro-small.json")), data));
        for (String preset : ModelPresets.names()) {
            TrainConfig c = TrainConfigJson.fromJson(Files.readString(Path.of("configs", "onepro-" + preset + ".json")),
                    data);
            assertEquals(TrainConfigJson.fromJson("{}", List.of("dataRoots=x", "preset=" + preset,
                    "outputDir=runs/onepro-" + preset)), c, "the recipe at the size of " + preset);
        }
    }
}
