package org.onepro.data.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;

class PromptJsonTest {

    @TempDir
    Path dir;

    private static Doodle doodle() {
        return Doodle.of(List.of(new Stroke(List.of(new Point(1.25, 2), new Point(10, 12.5), new Point(20, 3)), 2.5,
                true), new Stroke(List.of(new Point(30, 30), new Point(31, 40)), 1, false)));
    }

    private Path writeText(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private InvalidInputException readError(String text) throws IOException {
        Path file = writeText("bad.json", text);
        return assertThrows(InvalidInputException.class, () -> PromptJson.read(file));
    }

    @Test
    void allFourTypesSurviveAWriteAndReadRoundTrip() {
        Mask mask = TestMasks.all().get("crescent");
        List<Prompt> prompts = List.of(Click.foreground(12.5, 7).withBackground(0, 127), new BBox(3.5, 4, 90.25, 60),
                doodle(), SegLab.of(mask));
        Path json = dir.resolve("prompts").resolve("task.json");
        List<PromptRecord> records = List.of(
                PromptJson.toRecord("task", "a", prompts.get(0), null),
                PromptJson.toRecord("task", "b", prompts.get(1), null),
                PromptJson.toRecord("task", "c", prompts.get(2), null),
                PromptJson.toRecord("task", "d", prompts.get(3), json.resolveSibling("d_mask.png")));
        PromptJson.write(records, json);

        List<PromptRecord> back = PromptJson.read(json);
        assertEquals(records, back);
        for (int i = 0; i < prompts.size(); i++) {
            assertEquals(prompts.get(i), PromptJson.toPrompt(back.get(i), json), "record " + i);
        }
        assertEquals("{\"mask\":\"d_mask.png\"}", back.get(3).content().toString());
        assertEquals(List.of("click", "bbox", "doodle", "seglab"), back.stream().map(PromptRecord::type).toList());
    }

    @Test
    void simulatedPromptsSurviveTheRoundTrip() {
        Mask mask = TestMasks.all().get("L-shape");
        Path json = dir.resolve("simulated.json");
        for (PromptType type : PromptType.values()) {
            for (Quality q : Quality.values()) {
                Prompt p = PromptSimulator.simulate(type, mask, q, new SplittableRandom(5));
                PromptRecord r = PromptJson.toRecord("t", type + "-" + q, p, dir.resolve(type + "-" + q + ".png"));
                PromptJson.write(List.of(r), json);
                assertEquals(p, PromptJson.toPrompt(PromptJson.read(json).get(0), json), type + " " + q);
            }
        }
    }

    @Test
    void fileIsAPrettyPrintedArrayInTheReleasedLayout() throws IOException {
        Path json = dir.resolve("one.json");
        PromptJson.write(List.of(PromptJson.toRecord("ds", "s1", Click.foreground(3, 4), null)), json);
        String text = Files.readString(json);
        assertTrue(text.contains("\n  {\n    \"dataset\": \"ds\","), text);
        JsonArray array = JsonParser.parseString(text).getAsJsonArray();
        assertEquals(JsonParser.parseString("{\"dataset\":\"ds\",\"sample\":\"s1\",\"type\":\"click\","
                + "\"content\":{\"points\":[[3.0,4.0,1]]}}"), array.get(0));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(json), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void handWrittenRecordsWithIntegersAndSubfoldersAreRead() throws IOException {
        Mask mask = TestMasks.disc(10, 10, 4);
        Files.createDirectories(dir.resolve("masks"));
        PromptJson.toRecord("x", "y", SegLab.of(mask), dir.resolve("masks").resolve("m.png"));
        Path json = writeText("hand.json", "[{\"dataset\": \"x\", \"sample\": \"y\", \"type\": \"seglab\", "
                + "\"content\": {\"mask\": \"masks/m.png\"}},\n {\"dataset\": \"x\", \"sample\": \"z\", "
                + "\"type\": \"doodle\", \"content\": {\"strokes\": [{\"points\": [[1, 2], [3, 4]], \"width\": 2}]}}]");
        List<PromptRecord> records = PromptJson.read(json);
        assertEquals(SegLab.of(mask), PromptJson.toPrompt(records.get(0), json));
        Doodle d = (Doodle) PromptJson.toPrompt(records.get(1), json);
        assertTrue(d.strokes().get(0).foreground(), "a stroke without the flag is foreground");
    }

    @Test
    void malformedFilesAreRejectedNamingTheRecord() throws IOException {
        assertTrue(readError("[{\"dataset\": \"x\",").getMessage().contains("not well-formed JSON"));
        assertTrue(readError("[] []").getMessage().contains("not well-formed JSON"));
        assertTrue(readError("[1, ]").getMessage().contains("not well-formed JSON"));
        assertTrue(readError("").getMessage().contains("top level is null or empty"));
        assertTrue(readError("{\"dataset\": \"x\"}").getMessage().contains("must hold a JSON array"));
        String ok = "{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"bbox\", \"content\": [0, 0, 5, 5]}";
        String[][] cases = {
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"lasso\", \"content\": []}", "unknown prompt type"},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"click\", \"content\": {\"points\": [[1, 2, 2]]}}",
                "flag must be 1"},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"click\", \"content\": {\"points\": [[1, 2, 0]]}}",
                "at least one foreground"},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"bbox\", \"content\": [0, 0, 5]}", "[x0, y0, x1, y1]"},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"bbox\", \"content\": [5, 0, 1, 5]}", "inverted"},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"doodle\", \"content\": {\"strokes\": "
                + "[{\"points\": [[1, 2], [3, 4]]}]}}", "\"width\" must be a number"},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"bbox\", \"content\": [0, \"0\", 5, 5]}",
                "y0 must be a number"},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"seglab\", \"content\": {\"mask\": 3}}",
                "relative path string"},
            {"{\"sample\": \"s\", \"type\": \"bbox\", \"content\": [0, 0, 5, 5]}", "needs a string \"dataset\""},
            {"{\"dataset\": \"d\", \"sample\": \"s\", \"type\": \"bbox\"}", "no \"content\""},
            {"7", "must be a JSON object"},
        };
        for (String[] c : cases) {
            String message = readError("[" + ok + ", " + ok + ", " + c[0] + "]").getMessage();
            assertTrue(message.contains("index 2") && message.contains(c[1]), message);
        }
    }

    @Test
    void missingMaskFilesAndBadRecordsFailClearly() {
        PromptRecord seglab = new PromptRecord("d", "s", "seglab", JsonParser.parseString("{\"mask\": \"gone.png\"}"));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> PromptJson.toPrompt(seglab, dir.resolve("p.json")));
        assertTrue(missing.getMessage().contains("gone.png") && missing.getMessage().contains("d/s"),
                missing.getMessage());
        PromptRecord unknown = new PromptRecord("d", "s", "circle", JsonParser.parseString("[]"));
        Path json = dir.resolve("never.json");
        InvalidInputException write = assertThrows(InvalidInputException.class,
                () -> PromptJson.write(List.of(unknown), json));
        assertTrue(write.getMessage().contains("index 0") && write.getMessage().contains("circle"),
                write.getMessage());
        assertTrue(Files.notExists(json));
        assertThrows(InvalidInputException.class, () -> PromptJson.read(dir.resolve("absent.json")));
        assertThrows(InvalidInputException.class,
                () -> PromptJson.toRecord("d", "s", SegLab.of(TestMasks.cornerDisc()), null));
    }
}
