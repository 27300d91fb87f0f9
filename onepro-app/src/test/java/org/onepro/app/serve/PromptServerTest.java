package org.onepro.app.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.SegLab;
import org.onepro.data.prompt.PromptJson;
import org.onepro.data.prompt.PromptRecord;
import org.onepro.model.segment.Segmenter;

/** The prompting tool's HTTP API, on the tiny preset (fast, untrained: shapes and behaviour, not quality). */
class PromptServerTest {

    private static final String TASK = "nuclei_fluorescence";

    @TempDir
    static Path data;

    private static Segmenter segmenter;
    private static PromptServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        DemoCopies.copyTask(TASK, data);
        segmenter = Segmenter.untrained("tiny", 1);
        server = PromptServer.start(segmenter, data, "tiny", "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        segmenter.close();
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(jsonRequest(path, body), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as the server's own page sends it. */
    private static HttpRequest jsonRequest(String path, String body) {
        return HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> postBytes(String path, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request written by hand, so that it can carry any Host header; returns the status line. */
    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.uri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static List<String> ids() throws IOException, InterruptedException {
        JsonObject tasks = JsonParser.parseString(new String(get("/api/tasks").body(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        List<String> ids = new ArrayList<>();
        tasks.getAsJsonArray("tasks").get(0).getAsJsonObject().getAsJsonArray("ids")
                .forEach(e -> ids.add(e.getAsString()));
        return ids;
    }

    private static String click(double x, double y) {
        return "{\"type\":\"click\",\"content\":{\"points\":[[" + x + "," + y + ",1]]}}";
    }

    private static BufferedImage decodeDataUrl(String url) throws IOException {
        assertTrue(url.startsWith("data:image/png;base64,"), url.substring(0, Math.min(40, url.length())));
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(22))));
    }

    private static void assertRefused(HttpResponse<String> r, int status, String phrase) {
        assertEquals(status, r.statusCode(), r.body());
        String error = json(r).get("error").getAsString();
        assertTrue(error.contains(phrase), "'" + error + "' should mention '" + phrase + "'");
    }

    @Test
    void thePageAndItsScriptAreServed() throws Exception {
        HttpResponse<byte[]> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("prompt-canvas"));
        assertEquals(200, get("/app.js").statusCode());
    }

    @Test
    void tasksListTheServedTaskWithItsImages() throws Exception {
        JsonObject tasks = JsonParser.parseString(new String(get("/api/tasks").body(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonArray list = tasks.getAsJsonArray("tasks");
        assertEquals(1, list.size());
        assertEquals(TASK, list.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(8, ids().size());
    }

    @Test
    void anImageComesBackAsAPngOfItsOwnSize() throws Exception {
        String id = ids().get(0);
        HttpResponse<byte[]> r = get("/api/image?task=" + TASK + "&id=" + id);
        assertEquals(200, r.statusCode());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.body()));
        BufferedImage file = ImageIO.read(data.resolve(TASK).resolve("images").resolve(id + ".png").toFile());
        assertEquals(file.getWidth(), png.getWidth());
        assertEquals(file.getHeight(), png.getHeight());
    }

    @Test
    void segmentReturnsTheTemplatesMaskWithItsDice() throws Exception {
        String id = ids().get(0);
        HttpResponse<String> r = post("/api/segment", "{\"task\":\"" + TASK + "\",\"id\":\"" + id + "\",\"prompt\":"
                + click(20, 20) + "}");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject o = json(r);
        BufferedImage mask = decodeDataUrl(o.get("mask").getAsString());
        assertEquals(o.get("width").getAsInt(), mask.getWidth());
        assertEquals(o.get("height").getAsInt(), mask.getHeight());
        assertTrue(o.get("predictedIou").getAsDouble() >= 0);
    }

    @Test
    void applyingTwoTemplatesGivesEveryOtherImageAMaskAVarianceMapAndADice() throws Exception {
        List<String> ids = ids();
        Mask m0 = Mask.read(data.resolve(TASK).resolve("masks").resolve(ids.get(0) + ".png"));
        String seglab = "{\"type\":\"seglab\",\"content\":{\"maskPng\":\"" + Pictures.dataUrl(Pictures.png(
                m0.toBufferedImage())) + "\"}}";
        String body = "{\"task\":\"" + TASK + "\",\"templates\":[{\"id\":\"" + ids.get(0) + "\",\"prompt\":" + seglab
                + "},{\"id\":\"" + ids.get(1) + "\",\"prompt\":{\"type\":\"bbox\",\"content\":[5,5,60,60]}}]}";
        HttpResponse<String> r = post("/api/apply", body);
        assertEquals(200, r.statusCode(), r.body());
        JsonArray results = json(r).getAsJsonArray("results");
        assertEquals(ids.size() - 2, results.size());
        for (JsonElement e : results) {
            JsonObject o = e.getAsJsonObject();
            assertFalse(o.get("id").getAsString().equals(ids.get(0)), "templates are not queries");
            decodeDataUrl(o.get("variance").getAsString());
            double dice = o.get("dice").getAsDouble();
            assertTrue(dice >= 0 && dice <= 1, "dice " + dice);
        }
        assertFalse(json(r).get("meanDice").isJsonNull());
    }

    @Test
    void savingAPromptWritesARecordThatReadsBackAsTheSamePrompt() throws Exception {
        List<String> ids = ids();
        post("/api/save", "{\"task\":\"" + TASK + "\",\"id\":\"" + ids.get(2) + "\",\"prompt\":" + click(12.5, 30)
                + "}");
        BufferedImage template = ImageIO.read(data.resolve(TASK).resolve("images").resolve(ids.get(3) + ".png")
                .toFile());
        int h = template.getHeight();
        int w = template.getWidth();
        boolean[] square = new boolean[h * w];
        for (int y = 10; y < 40; y++) {
            for (int x = 20; x < 50; x++) {
                square[y * w + x] = true;
            }
        }
        Mask painted = Mask.of(square, h, w);
        String seglab = "{\"type\":\"seglab\",\"content\":{\"maskPng\":\"" + Pictures.dataUrl(Pictures.png(
                painted.toBufferedImage())) + "\"}}";
        HttpResponse<String> r = post("/api/save", "{\"task\":\"" + TASK + "\",\"id\":\"" + ids.get(3)
                + "\",\"prompt\":" + seglab + "}");
        assertEquals(200, r.statusCode(), r.body());
        Path file = data.resolve(TASK).resolve("prompts").resolve("prompts.json");
        assertEquals(TASK + "/prompts/prompts.json", json(r).get("file").getAsString());
        List<PromptRecord> records = PromptJson.read(file);
        assertEquals(2, records.size());
        Prompt clickBack = PromptJson.toPrompt(records.get(0), file);
        assertEquals(Click.foreground(12.5, 30), clickBack);
        assertEquals(SegLab.of(painted), PromptJson.toPrompt(records.get(1), file));

        // Saving the same image again replaces its record.
        post("/api/save", "{\"task\":\"" + TASK + "\",\"id\":\"" + ids.get(2) + "\",\"prompt\":" + click(40, 41)
                + "}");
        List<PromptRecord> again = PromptJson.read(file);
        assertEquals(2, again.size());
        assertEquals(Click.foreground(40, 41), PromptJson.toPrompt(again.get(1), file));
    }

    @Test
    void exportWritesAMaskFileForEveryOtherImage() throws Exception {
        List<String> ids = ids();
        HttpResponse<String> r = post("/api/export", "{\"task\":\"" + TASK + "\",\"templates\":[{\"id\":\""
                + ids.get(0) + "\",\"prompt\":" + click(30, 30) + "}]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(ids.size() - 1, json(r).get("files").getAsInt());
        Path folder = data.resolve(TASK).resolve("onepro-masks");
        for (String id : ids.subList(1, ids.size())) {
            Mask mask = Mask.read(folder.resolve(id + ".png"));
            BufferedImage image = ImageIO.read(data.resolve(TASK).resolve("images").resolve(id + ".png").toFile());
            assertEquals(image.getWidth(), mask.width());
        }
    }

    @Test
    void pathsFromTheBrowserCannotLeaveTheDataFolder() throws Exception {
        for (String task : List.of("..", "../" + TASK, "%2e%2e", TASK + "/../..", "/etc")) {
            HttpResponse<byte[]> r = get("/api/image?task=" + task + "&id=passwd");
            assertEquals(404, r.statusCode(), task);
        }
        for (String id : List.of("../../../../etc/passwd", "..%2F..%2Fmasks%2F" + ids().get(0), "/etc/passwd")) {
            assertEquals(404, get("/api/image?task=" + TASK + "&id=" + id).statusCode(), id);
            assertRefused(post("/api/save", "{\"task\":\"" + TASK + "\",\"id\":\"" + id.replace("%2F", "/")
                    + "\",\"prompt\":" + click(1, 1) + "}"), 404, "has no image");
        }
        assertRefused(post("/api/save", "{\"task\":\"../" + TASK + "\",\"id\":\"x\",\"prompt\":" + click(1, 1)
                + "}"), 404, "no task named");
        assertTrue(Files.notExists(data.resolve("prompts")));
    }

    @Test
    void uploadsAreDecodedAndBadOrOversizedOnesAreRefused() throws Exception {
        BufferedImage small = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        HttpResponse<String> ok = postBytes("/api/upload?name=scan%201.png", Pictures.png(small));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(Workspace.UPLOADS, json(ok).get("task").getAsString());
        String id = json(ok).get("id").getAsString();
        assertTrue(id.endsWith("scan_1.png"), id);
        assertEquals(200, get("/api/image?task=uploads&id=" + id).statusCode());

        assertRefused(postBytes("/api/upload?name=notes.txt", "hello".getBytes(StandardCharsets.UTF_8)), 400,
                "is not an image");
        assertRefused(postBytes("/api/upload?name=big.bin", new byte[Uploads.MAX_BYTES + 1]), 413, "limit");
        BufferedImage wide = new BufferedImage(Uploads.MAX_SIDE + 1, 8, BufferedImage.TYPE_BYTE_GRAY);
        assertRefused(postBytes("/api/upload?name=wide.png", Pictures.png(wide)), 413, "at most 4096");
        assertRefused(post("/api/save", "{\"task\":\"uploads\",\"id\":\"" + id + "\",\"prompt\":" + click(5, 5)
                + "}"), 400, "no data folder");
    }

    @Test
    void badRequestsGetAClearMessageAndTheServerKeepsRunning() throws Exception {
        String id = ids().get(0);
        assertRefused(post("/api/segment", "{\"task\":\"" + TASK + "\",\"id\":\"" + id + "\",\"prompt\":"
                + click(5000, 5) + "}"), 400, "outside");
        assertRefused(post("/api/segment", "{not json"), 400, "not valid JSON");
        assertRefused(post("/api/segment", "{\"task\":\"nope\",\"id\":\"x\",\"prompt\":" + click(1, 1) + "}"), 404,
                "no task named 'nope'");
        assertRefused(post("/api/segment", "{\"task\":\"" + TASK + "\",\"id\":\"" + id + "\",\"prompt\":"
                + "{\"type\":\"lasso\",\"content\":[]}}"), 400, "lasso");
        assertRefused(post("/api/segment", "{\"task\":\"" + TASK + "\",\"id\":\"" + id + "\",\"prompt\":"
                + "{\"type\":\"seglab\",\"content\":{\"maskPng\":\"data:image/png;base64,AAAA\"}}}"), 400, "SegLab");
        String tiny = Pictures.dataUrl(Pictures.png(Mask.of(new boolean[] {true, true, true, true}, 2, 2)
                .toBufferedImage()));
        assertRefused(post("/api/segment", "{\"task\":\"" + TASK + "\",\"id\":\"" + id + "\",\"prompt\":"
                + "{\"type\":\"seglab\",\"content\":{\"maskPng\":\"" + tiny + "\"}}}"), 400, "but the template is");
        assertRefused(post("/api/segment", "{\"task\":\"" + TASK + "\",\"id\":\"" + id + "\",\"prompt\":"
                + "{\"type\":\"seglab\",\"content\":{\"maskPng\":null}}}"), 400, "maskPng");
        assertRefused(post("/api/apply", "{\"task\":\"" + TASK + "\",\"limit\":\"abc\",\"templates\":[{\"id\":\"" + id
                + "\",\"prompt\":" + click(5, 5) + "}]}"), 400, "\"limit\" must be a whole number");
        assertEquals(405, get("/api/segment").statusCode());
        assertEquals(404, get("/api/nothing-here").statusCode());
        assertEquals(200, get("/api/tasks").statusCode());
    }

    @Test
    void otherSitesAndForeignHostNamesCanNeitherWriteNorRead() throws Exception {
        List<String> ids = ids();
        String save = "{\"task\":\"" + TASK + "\",\"id\":\"" + ids.get(6) + "\",\"prompt\":" + click(7, 7) + "}";
        // What any web page can send without a CORS preflight: a text/plain body.
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/save"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(save)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(plain, 415, "application/json");
        HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/save"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(save)).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(foreign, 403, "evil.example");
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/upload?name=x.png"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1}))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(upload, 415, "application/octet-stream");
        Path records = data.resolve(TASK).resolve("prompts").resolve("prompts.json");
        assertTrue(!Files.exists(records) || PromptJson.read(records).stream().noneMatch(r -> r.sample()
                .equals(ids.get(6))), "a refused save wrote nothing");

        // A DNS-rebinding page reaches the port under its own host name.
        int port = server.uri().getPort();
        assertTrue(rawRequest("GET /api/tasks HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n")
                .contains(" 403"));
        assertTrue(rawRequest("GET /api/tasks HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                .contains(" 200"));
        assertTrue(rawRequest("GET /api/tasks HTTP/1.1\r\nHost: 127.0.0.1:" + (port + 1)
                + "\r\nConnection: close\r\n\r\n").contains(" 403"), "another port is another origin");
    }

    @Test
    void anApplyOfMoreTemplatesThanTheCapIsRefusedWithTheCap() throws Exception {
        List<String> ids = ids();
        StringBuilder templates = new StringBuilder();
        for (int i = 0; i <= SegmentationApi.MAX_TEMPLATES; i++) {
            templates.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids.get(0)).append("\",\"prompt\":")
                    .append(click(5 + i, 5)).append('}');
        }
        HttpResponse<String> r = post("/api/apply", "{\"task\":\"" + TASK + "\",\"templates\":[" + templates + "]}");
        assertRefused(r, 413, "at most " + SegmentationApi.MAX_TEMPLATES + " templates");
    }

    @Test
    void concurrentRequestsFromSeveralTabsAllSucceed() throws Exception {
        List<String> ids = ids();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "{\"task\":\"" + TASK + "\",\"id\":\"" + ids.get(i % ids.size()) + "\",\"prompt\":"
                    + click(10 + i, 12) + "}";
            calls.add(HTTP.sendAsync(jsonRequest("/api/segment", body), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            assertEquals(200, c.get().statusCode(), c.get().body());
        }
        byte[] first = get("/api/image?task=" + TASK + "&id=" + ids.get(0)).body();
        assertArrayEquals(first, get("/api/image?task=" + TASK + "&id=" + ids.get(0)).body());
    }
}
