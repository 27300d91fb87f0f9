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
import org.onepro.data.prompt.SegLabRadii;

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
    void sharedAffineWithoutSharedFlipsIsRefusedNamingBoth() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainConfigJson.fromJson(
                "{\"dataRoots\": [\"x\"]}", List.of("sharedFlips=false", "sharedAffine=true")));
        assertTrue(e.getMessage().contains("sharedAffine needs sharedFlips"), e.getMessage());
        assertTrue(TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}", List.of("sharedAffine=true")).sharedAffine());
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
    void appearanceRandomisationIsAProbabilityAndOffByDefault() {
        assertEquals(0.0, TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}").appearanceRandomisation());
        assertEquals(0.8, TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}",
                List.of("appearanceRandomisation=0.8")).appearanceRandomisation());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainConfigJson.fromJson(
                "{\"dataRoots\": [\"x\"]}", List.of("appearanceRandomisation=1.5")));
        assertTrue(e.getMessage().contains("appearanceRandomisation must lie in [0, 1]"), e.getMessage());
    }

    @Test
    void aSwitchMustBeTrueOrFalseInTheFileAndOnTheCommandLine() {
        assertTrue(TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}", List.of("templatesFromTrain=true"))
                .templatesFromTrain());
        InvalidInputException override = assertThrows(InvalidInputException.class,
                () -> TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}", List.of("templatesFromTrain=yes")));
        assertTrue(override.getMessage().contains("templatesFromTrain must be true or false"), override.getMessage());
        InvalidInputException file = assertThrows(InvalidInputException.class,
                () -> TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"], \"sharedFlips\": \"on\"}"));
        assertTrue(file.getMessage().contains("sharedFlips must be true or false"), file.getMessage());
    }

    @Test
    void segLabRadiiIsNamedInTheFileOrOnTheCommandLineAndAnUnknownModeIsRefused() {
        assertEquals(SegLabRadii.FIXED, TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}").segLabRadii(),
                "the default reproduces the bundled model's stages");
        TrainConfig capped = TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"], \"segLabRadii\": \"THICKNESS_CAPPED\"}");
        assertEquals(SegLabRadii.THICKNESS_CAPPED, capped.segLabRadii());
        assertEquals(capped, TrainConfigJson.fromJson(TrainConfigJson.toJson(capped)), "JSON round trip");
        assertEquals(SegLabRadii.THICKNESS_CAPPED, TrainConfigJson.fromJson("{\"dataRoots\": [\"x\"]}",
                List.of("segLabRadii=THICKNESS_CAPPED")).segLabRadii());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainConfigJson.fromJson(
                "{\"dataRoots\": [\"x\"]}", List.of("segLabRadii=SMALL")));
        assertTrue(e.getMessage().contains("segLabRadii must be one of [FIXED, THICKNESS_CAPPED]"), e.getMessage());
    }

    @Test
    void everyShippedConfigParses() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.list(Path.of("configs"))) {
            configs = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(configs.size() >= 10, "configs found: " + configs);
        for (Path config : configs) {
            TrainConfig c = TrainConfigJson.fromJson(Files.readString(config));
            assertTrue(c.outputDir().startsWith("runs/"), config + " writes to " + c.outputDir());
        }
        assertTrue(TrainConfigJson.fromJson(Files.readString(Path.of("configs/onepro-small-stage11.json")))
                .templatesFromTrain());
        // Stages made before the mirror moved ahead of the letterbox keep the old order, so they reproduce.
        for (Path config : configs) {
            String name = config.getFileName().toString();
            boolean older = !name.matches("onepro-small-(stage(1[2-9]|[2-9]\\d)|fold-[a-z](-[a-z]+)*)\\.json");
            assertEquals(!older, TrainConfigJson.fromJson(Files.readString(config)).flipBeforeLetterbox(), name);
        }
        assertTrue(TrainConfigJson.fromJson("{\"syntheticRatio\": 1}").flipBeforeLetterbox(),
                "a new config mirrors before the letterbox");
    }
}
