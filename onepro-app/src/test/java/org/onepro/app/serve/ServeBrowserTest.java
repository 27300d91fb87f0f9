package org.onepro.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.prompt.PromptJson;
import org.onepro.data.prompt.PromptRecord;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;
import org.onepro.model.segment.Segmenter;

/**
 * The prompting page end to end in headless Chromium, driven by playwright-core ({@code src/test/e2e}), against a
 * server with the bundled model on a copy of the demo data: one scenario per run of the script. Screenshots of
 * every step land in {@code target/e2e-screenshots/}.
 *
 * <p>Needs {@code node}, {@code npm ci} run in {@code src/test/e2e} and Chromium ({@code /usr/bin/chromium} or
 * {@code ONEPRO_CHROMIUM}); {@code .ci/run} installs them and sets {@code ONEPRO_E2E=required}, which turns a
 * missing tool into a failure instead of a skipped test.
 */
class ServeBrowserTest {

    private static final String TASK = "nuclei_fluorescence";
    private static final Path E2E = Path.of("src", "test", "e2e").toAbsolutePath();
    private static final Path SHOTS = Path.of("target", "e2e-screenshots").toAbsolutePath();

    private static Path data;
    private static Path settings;
    private static Segmenter segmenter;
    private static PromptServer server;

    @BeforeAll
    static void start() throws IOException {
        String chromium = System.getenv().getOrDefault("ONEPRO_CHROMIUM", "/usr/bin/chromium");
        String missing = !Files.isExecutable(Path.of(chromium)) ? "Chromium at " + chromium
                : !Files.isDirectory(E2E.resolve("node_modules").resolve("playwright-core"))
                        ? "playwright-core (run npm ci in " + E2E + ")" : !nodeRuns() ? "node" : null;
        if (missing != null) {
            if ("required".equals(System.getenv("ONEPRO_E2E"))) {
                fail("ONEPRO_E2E=required but " + missing + " is missing");
            }
            Assumptions.abort("browser tests skipped: " + missing + " is missing (set ONEPRO_E2E=required to fail)");
        }
        data = Files.createTempDirectory("onepro-serve-e2e");
        DemoCopies.copyTask(TASK, data);
        Files.createDirectories(SHOTS);
        segmenter = Segmenter.pretrained();
        server = PromptServer.start(segmenter, data, "onepro-small", "127.0.0.1", 0);
        settings = data.resolve("e2e-settings.json");
        Files.writeString(settings, settingsJson(chromium).toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            segmenter.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"workflow", "non-image-upload", "huge-image-upload", "unknown-task", "several-tabs",
        "prompt-outside-image"})
    void scenario(String name) throws Exception {
        Process p = new ProcessBuilder("node", E2E.resolve("serve.e2e.mjs").toString(), name, settings.toString())
                .directory(E2E.toFile()).redirectErrorStream(true).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            fail("scenario " + name + " did not finish in 180 s: " + output);
        }
        assertEquals(0, p.exitValue(), output);
        if (name.equals("workflow")) {
            checkSavedFiles();
        }
    }

    /** What the workflow's Save and Export buttons left beside the data. */
    private static void checkSavedFiles() throws IOException {
        Path file = data.resolve(TASK).resolve("prompts").resolve("prompts.json");
        List<PromptRecord> records = PromptJson.read(file);
        assertEquals(1, records.size());
        PromptRecord r = records.get(0);
        assertEquals(TASK, r.dataset());
        assertEquals(ids().get(1), r.sample(), "the prompt of the image shown when Save was pressed");
        assertEquals("click", r.type());
        assertTrue(PromptJson.toPrompt(r, file) instanceof Click);
        try (Stream<Path> masks = Files.list(data.resolve(TASK).resolve("onepro-masks"))) {
            assertEquals(ids().size() - 2, masks.count(), "one exported mask per image that is not a template");
        }
    }

    private static List<String> ids() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve(TASK).resolve("images"))) {
            return files.map(f -> f.getFileName().toString().replaceAll("\\.png$", "")).sorted().toList();
        }
    }

    private static JsonObject settingsJson(String chromium) throws IOException {
        List<String> ids = ids();
        Mask first = Mask.read(maskFile(ids.get(0)));
        Click click = oracleClick(first);
        double cx = click.points().get(0).point().x();
        double cy = click.points().get(0).point().y();
        int[] box = first.boundingBox().orElseThrow();
        JsonObject o = new JsonObject();
        o.addProperty("url", server.uri().toString());
        o.addProperty("chromium", chromium);
        o.addProperty("screenshots", SHOTS.toString());
        o.addProperty("task", TASK);
        o.addProperty("imageCount", ids.size());
        o.addProperty("templateMask", maskFile(ids.get(0)).toString());
        JsonObject t = new JsonObject();
        t.addProperty("id", ids.get(0));
        t.add("click", pair(cx, cy));
        JsonArray b = new JsonArray();
        for (int v : box) {
            b.add(v);
        }
        t.add("box", b);
        JsonArray stroke = new JsonArray();
        for (int dx = -2; dx <= 2; dx += 2) {
            stroke.add(pair(cx + dx, cy));
        }
        t.add("stroke", stroke);
        o.add("template", t);
        Click second = oracleClick(Mask.read(maskFile(ids.get(1))));
        JsonObject s = new JsonObject();
        s.addProperty("id", ids.get(1));
        s.add("click", pair(second.points().get(0).point().x(), second.points().get(0).point().y()));
        o.add("second", s);
        Path text = data.resolve("notes.txt");
        Files.writeString(text, "not an image");
        o.addProperty("textFile", text.toString());
        Path huge = data.resolve("huge.png");
        Files.write(huge, Pictures.png(new BufferedImage(Uploads.MAX_SIDE + 904, 8, BufferedImage.TYPE_BYTE_GRAY)));
        o.addProperty("hugeImage", huge.toString());
        return o;
    }

    private static Click oracleClick(Mask mask) {
        return (Click) PromptSimulator.simulate(PromptType.CLICK, mask, Quality.ORACLE, new SplittableRandom(1));
    }

    private static JsonArray pair(double x, double y) {
        JsonArray a = new JsonArray();
        a.add(x);
        a.add(y);
        return a;
    }

    private static Path maskFile(String id) {
        return data.resolve(TASK).resolve("masks").resolve(id + ".png");
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
