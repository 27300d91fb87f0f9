package org.onepro.data.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;

class DemoDataTest {

    @Test
    void theDemoFolderIsFoundFromTheModuleFolder() {
        Path demo = DemoData.locate();

        assertTrue(demo.endsWith(Path.of("data", "demo")), demo.toString());
        assertTrue(Files.isRegularFile(demo.resolve("README.md")), demo.toString());
    }

    @Test
    void everyDemoTaskOpensAndEverySampleHasANonEmptyMask() {
        List<TaskDataset> tasks = DemoData.open();

        assertEquals(List.of("ct_abdomen_spleen", "nuclei_fluorescence", "ultrasound_peripheral_nerve"),
                tasks.stream().map(TaskDataset::name).toList());
        for (TaskDataset task : tasks) {
            assertTrue(task.ids().size() >= 4 && task.ids().size() <= 8, task.name() + " " + task.ids().size());
            for (String id : task.ids()) {
                LabeledImage sample = task.load(id);
                assertEquals(List.of(255), List.copyOf(sample.labels().labels()), task.name() + "/" + id);
                assertFalse(sample.labels().mask(255).isEmpty(), task.name() + "/" + id);
            }
        }
    }

    @Test
    void everyDemoTaskCarriesItsSourceAndTheCopyNote() throws IOException {
        for (TaskDataset task : DemoData.open()) {
            Path source = ((ImageFolderTask) task).directory().resolve("SOURCE.md");
            String text = Files.readString(source);
            assertTrue(text.contains("Licence"), source.toString());
            assertTrue(text.contains("2026-11-28"), source.toString());
            for (String id : task.ids()) {
                assertTrue(text.contains(id), source + " lists " + id);
            }
        }
    }

    @Test
    void locatingWalksUpAndFailsClearlyWhenThereIsNoDemoFolder(@TempDir Path tmp) throws IOException {
        Path demo = Files.createDirectories(tmp.resolve("checkout/data/demo"));
        Path deep = Files.createDirectories(tmp.resolve("checkout/module/target/classes"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        assertEquals(demo, DemoData.locateFrom(List.of(elsewhere, deep)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DemoData.locateFrom(List.of(elsewhere)));
        assertTrue(e.getMessage().contains(elsewhere.toString()), e.getMessage());
    }
}
