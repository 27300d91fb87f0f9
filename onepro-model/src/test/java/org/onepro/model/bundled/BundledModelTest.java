package org.onepro.model.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.model.internal.io.ModelSources;
import org.onepro.model.io.ModelInfo;
import org.onepro.model.segment.Segmenter;

/**
 * The model shipped in the jar loads by name. Its quality is measured in docs/model-card.md (validation Dice per
 * task and prompt type), not asserted here: that needs the development data, which the repository does not hold.
 */
class BundledModelTest {

    @Test
    void theDefaultModelLoadsByNameWithoutAPath() throws IOException {
        try (Segmenter s = Segmenter.pretrained()) {
            assertEquals("small", s.config().preset());
            assertEquals(List.of("onepro-small"), BundledModels.names());
        }
    }

    @Test
    void anUnknownNameListsTheBundledModels() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Segmenter.pretrained("onepro-xl"));
        assertTrue(e.getMessage().contains("onepro-small"), e.getMessage());
    }

    @Test
    void aBundledNameAndASavedCopyOfItLoadTheSameModel(@TempDir Path dir) throws IOException {
        Path saved = dir.resolve("my-model");
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelIO.save(ModelSources.bundled(BundledModels.DEFAULT, manager), ModelInfo.now(1, "copy"), saved);
        }
        try (Segmenter byName = Segmenter.pretrained("onepro-small"); Segmenter byFolder = Segmenter.load(saved)) {
            assertEquals(byName.config(), byFolder.config());
        }
        IOException e = assertThrows(IOException.class, () -> Segmenter.load(dir.resolve("onepro-smal")));
        assertTrue(e.getMessage().contains("onepro-smal"), e.getMessage());
    }
}
