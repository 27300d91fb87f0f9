package org.onepro.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.prompt.PromptType;

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
}
