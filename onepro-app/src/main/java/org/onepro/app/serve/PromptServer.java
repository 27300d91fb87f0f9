package org.onepro.app.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.onepro.core.error.InvalidInputException;
import org.onepro.model.segment.Segmenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local web server of the prompting tool, on the JDK's own HTTP server ({@code jdk.httpserver}: embedded,
 * maintained with the JDK, no extra dependency). It serves the page from the jar's resources and the JSON API of
 * {@link SegmentationApi}:
 *
 * <ul>
 *   <li>{@code GET /api/tasks} the tasks, their image ids and the uploads;
 *   <li>{@code GET /api/image?task=T&id=I} an image as PNG, contrast-stretched for display;
 *   <li>{@code POST /api/upload?name=FILE} the raw image file as the body: {@code {task, id, width, height}};
 *   <li>{@code POST /api/segment} {@code {task, id, prompt}}: the template's own mask (interactive mode);
 *   <li>{@code POST /api/apply} {@code {task, templates: [{id, prompt}], limit?}}: masks of the other images,
 *       Dice where ground truth exists, variance maps for several templates;
 *   <li>{@code POST /api/save} {@code {task, id, prompt}}: the prompt as a record of
 *       {@code <task>/prompts/prompts.json};
 *   <li>{@code POST /api/export} {@code {task, templates}}: masks written to {@code <task>/onepro-masks/}.
 * </ul>
 *
 * Every refusal is a JSON {@code {"error": message}} with status 400, 404, 405 or 413; an unexpected failure is a
 * 500 with its message, and the server keeps running. Requests run on a small thread pool, so several tabs can
 * work at once (the segmenter serialises model calls itself).
 */
public final class PromptServer implements AutoCloseable {

    /** The largest JSON request body (a SegLab mask travels inline as a PNG). */
    static final int MAX_JSON_BYTES = 24 * 1024 * 1024;
    /** Seconds a client may take to send its request before the connection is closed. */
    static final int MAX_REQUEST_SECONDS = 30;
    /** How much of a refused body is read and dropped so that the client receives the refusal. */
    private static final long DISCARD_LIMIT = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(PromptServer.class);
    private static final String WEB = "/org/onepro/app/serve/web/";
    private static final Map<String, String> PAGES = Map.of("/", "index.html", "/index.html", "index.html",
            "/app.js", "app.js", "/style.css", "style.css");

    private final HttpServer server;
    private final ExecutorService pool;
    private final SegmentationApi api;
    private final RequestGuard guard;

    private PromptServer(HttpServer server, ExecutorService pool, SegmentationApi api) {
        this.server = server;
        this.pool = pool;
        this.api = api;
        this.guard = new RequestGuard(server.getAddress().getPort());
    }

    /**
     * Starts a server.
     *
     * @param segmenter the model (the caller closes it after the server)
     * @param data      a folder of task folders, or null to work on uploads only
     * @param modelName how the page names the model
     * @param host      the address to bind, {@code 127.0.0.1} to stay local
     * @param port      the port, 0 for any free one
     * @return the running server
     * @throws IOException if the address cannot be bound
     * @throws InvalidInputException if the data folder cannot be opened as tasks
     */
    public static PromptServer start(Segmenter segmenter, Path data, String modelName, String host, int port)
            throws IOException {
        SegmentationApi api = new SegmentationApi(segmenter, new Workspace(data), modelName);
        // A client that sends its request slowly is cut off after 30 s instead of holding one of the four
        // workers; the JDK server reads this once, so a value set earlier in the JVM is kept.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(MAX_REQUEST_SECONDS));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 32);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "onepro-serve");
            t.setDaemon(true);
            return t;
        });
        PromptServer s = new PromptServer(server, pool, api);
        server.createContext("/", s::handle);
        server.setExecutor(pool);
        server.start();
        return s;
    }

    /** The page's address. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                route(ex);
            } catch (ApiException e) {
                sendError(ex, e.status(), e.getMessage());
            } catch (InvalidInputException e) {
                sendError(ex, 400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
                sendError(ex, 500, "the server failed on this request: " + e);
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String host = ex.getRequestHeaders().getFirst("Host");
        guard.checkHost(host);
        if (PAGES.containsKey(path)) {
            requireMethod(method, "GET");
            sendResource(ex, PAGES.get(path));
            return;
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        switch (path) {
            case "/api/tasks" -> {
                requireMethod(method, "GET");
                sendJson(ex, 200, api.tasks());
            }
            case "/api/image" -> {
                requireMethod(method, "GET");
                send(ex, 200, "image/png", api.image(query.get("task"), query.get("id")));
            }
            case "/api/upload" -> {
                requireMethod(method, "POST");
                checkWrite(ex, "application/octet-stream");
                byte[] body = body(ex, Uploads.MAX_BYTES, "an upload");
                sendJson(ex, 200, api.upload(query.getOrDefault("name", "upload"), body));
            }
            case "/api/segment" -> json(ex, api::segment);
            case "/api/apply" -> json(ex, api::apply);
            case "/api/save" -> json(ex, api::save);
            case "/api/export" -> json(ex, api::export);
            default -> throw ApiException.notFound("no page or API call at " + path);
        }
    }

    private void json(HttpExchange ex, Function<JsonObject, JsonObject> call) throws IOException {
        requireMethod(ex.getRequestMethod(), "POST");
        checkWrite(ex, "application/json");
        String text = new String(body(ex, MAX_JSON_BYTES, "a request"), StandardCharsets.UTF_8);
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw ApiException.badRequest("the request is not valid JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject()) {
            throw ApiException.badRequest("the request must be a JSON object");
        }
        sendJson(ex, 200, call.apply(parsed.getAsJsonObject()));
    }

    private void checkWrite(HttpExchange ex, String contentType) throws IOException {
        try {
            guard.checkWrite(ex.getRequestHeaders().getFirst("Origin"), ex.getRequestHeaders().getFirst("Host"),
                    ex.getRequestHeaders().getFirst("Content-Type"), contentType);
        } catch (ApiException e) {
            discard(ex);
            throw e;
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new ApiException(405, "use " + expected + " here, not " + method);
        }
    }

    /** Reads at most {@code limit} bytes; a longer body is refused without reading the rest. */
    private static byte[] body(HttpExchange ex, int limit, String what) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number: " + declared);
            }
            if (length > limit) {
                discard(ex);
                throw ApiException.tooLarge(what + " of " + length + " bytes is over the limit of " + limit
                        + " bytes");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    discard(ex);
                    throw ApiException.tooLarge(what + " is over the limit of " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * Reads and drops the rest of a refused request body. Replying while the client is still sending makes
     * the server close a connection with unread data, which the client sees as a reset that swallows the
     * error message; past {@link #DISCARD_LIMIT} bytes the connection is closed anyway.
     */
    private static void discard(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        byte[] buffer = new byte[65536];
        long dropped = 0;
        int n;
        while (dropped < DISCARD_LIMIT && (n = in.read(buffer)) > 0) {
            dropped += n;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value,
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed query parameter: " + pair);
            }
        }
        return out;
    }

    private static void sendResource(HttpExchange ex, String name) throws IOException {
        try (InputStream in = PromptServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                throw ApiException.notFound("the page resource " + name + " is missing from the jar");
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css"
                    : "text/html";
            send(ex, 200, type + "; charset=utf-8", in.readAllBytes());
        }
    }

    private static void sendJson(HttpExchange ex, int status, JsonObject body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message == null ? "error" : message);
        sendJson(ex, status, o);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops accepting requests, lets running ones finish for up to two seconds, and frees the threads. */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
