package org.onepro.model.segment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptedTemplate;
import org.onepro.core.prompt.SegLab;
import org.onepro.model.internal.nn.ConvolutionMode;

/**
 * The bundled model gives the same probabilities whether its convolutions run in the engine (inference's default)
 * or on the reference path, on every demo task: one template and a three-template ensemble, whose template batch
 * goes to the engine whole and, as on CPUs that fail the start-up check, one sample at a time.
 */
class EngineConvolutionOnDemoDataTest {

    private static final Path DEMO = Path.of("..", "data", "demo");

    @Test
    void engineAndReferenceConvolutionsAgreeWithin1e4OnTheDemoTasks() throws IOException {
        List<Path> tasks;
        try (Stream<Path> list = Files.list(DEMO)) {
            tasks = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(tasks.size() >= 3, "demo tasks in " + DEMO.toAbsolutePath());
        try (Segmenter segmenter = Segmenter.pretrained()) {
            for (Path task : tasks) {
                List<Path> images;
                try (Stream<Path> list = Files.list(task.resolve("images"))) {
                    images = list.sorted().limit(4).toList();
                }
                Image query = Image.read(images.get(3));
                List<PromptedTemplate> templates = images.subList(0, 3).stream()
                        .map(p -> PromptedTemplate.of(Image.read(p).withChannels(query.channels()),
                                SegLab.of(Mask.read(task.resolve("masks").resolve(p.getFileName())))))
                        .toList();
                PromptedTemplate one = templates.get(0);
                float[] engine = ConvolutionMode.with("", () -> segmenter.segment(query, one.template(), one.prompt())
                        .probabilities().data());
                float[] reference = ConvolutionMode.with("reference", () -> segmenter.segment(query, one.template(), one.prompt())
                        .probabilities().data());
                assertClose(task + " one template", reference, engine);
                float[] ensembleEngine = ConvolutionMode.with("", () -> segmenter.segment(query, templates).probabilities().data());
                float[] ensembleReference = ConvolutionMode.with("reference", () -> segmenter.segment(query, templates)
                        .probabilities().data());
                assertClose(task + " three templates", ensembleReference, ensembleEngine);
                float[] ensemblePerSample = ConvolutionMode.with("per-sample", () -> segmenter.segment(query, templates)
                        .probabilities().data());
                assertClose(task + " three templates, one sample at a time", ensembleReference, ensemblePerSample);
            }
        }
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        assertTrue(expected.length == actual.length, what);
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= 1e-4f, what + ": probabilities differ by up to " + worst);
    }
}
