package org.onepro.data.prompt;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.io.AtomicFiles;

/**
 * Reads and writes prompt files in the form the One-Prompt authors released their clinicians' prompts in: a JSON
 * array of records {@code {"dataset": ..., "sample": ..., "type": ..., "content": ...}} whose content is, per type,
 * <ul>
 *   <li>click: {@code {"points": [[x, y, 1|0], ...]}}, 1 marking a foreground point;</li>
 *   <li>bbox: {@code [x0, y0, x1, y1]};</li>
 *   <li>doodle: {@code {"strokes": [{"points": [[x, y], ...], "width": w, "foreground": true}, ...]}}, where a
 *       stroke without {@code "foreground"} is a foreground stroke;</li>
 *   <li>seglab: {@code {"mask": "relative/path.png"}}, a mask image (non-zero is foreground) whose path is
 *       resolved against the folder of the JSON file.</li>
 * </ul>
 * Coordinates are pixel positions, {@code x} the column and {@code y} the row, pixel centres at integers.
 */
public final class PromptJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private PromptJson() {
    }

    /**
     * Makes the record of a prompt. For a SegLab prompt the mask is written as a PNG (0 and 255) to
     * {@code maskFileForSegLab}, and the record refers to it by file name, so that file must lie in the folder the
     * JSON file will be written to.
     *
     * @param dataset           the dataset name
     * @param sample            the sample id
     * @param prompt            the prompt
     * @param maskFileForSegLab where to write a SegLab mask; ignored (and may be null) for other prompt types
     * @return the record
     * @throws InvalidInputException if a SegLab prompt comes without a mask file, or the mask cannot be written
     */
    public static PromptRecord toRecord(String dataset, String sample, Prompt prompt, Path maskFileForSegLab) {
        Objects.requireNonNull(prompt, "prompt");
        String type = PromptContent.name(prompt.type());
        if (!(prompt instanceof SegLab segLab)) {
            return new PromptRecord(dataset, sample, type, PromptContent.encode(prompt));
        }
        if (maskFileForSegLab == null || maskFileForSegLab.getFileName() == null) {
            throw new InvalidInputException("a SegLab prompt for " + dataset + "/" + sample
                    + " needs a mask file to write its mask to, got " + maskFileForSegLab);
        }
        writeAtomically(maskFileForSegLab, out -> {
            if (!ImageIO.write(segLab.mask().toBufferedImage(), "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        return new PromptRecord(dataset, sample, type,
                PromptContent.encodeMaskReference(maskFileForSegLab.getFileName().toString()));
    }

    /**
     * Turns a record back into a prompt, reading a SegLab mask from its file.
     *
     * @param record   the record
     * @param jsonFile the JSON file the record belongs to; SegLab mask paths are resolved against its folder
     * @return the prompt
     * @throws InvalidInputException if the type is unknown, the content does not fit the type, or the mask file is
     *                               missing, unreadable or empty
     */
    public static Prompt toPrompt(PromptRecord record, Path jsonFile) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(jsonFile, "jsonFile");
        try {
            PromptType type = PromptContent.type(record.type());
            if (type != PromptType.SEGLAB) {
                return PromptContent.decode(type, record.content());
            }
            Path folder = jsonFile.toAbsolutePath().getParent();
            Path maskFile = folder.resolve(PromptContent.maskReference(record.content())).normalize();
            return SegLab.of(Mask.read(maskFile));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("prompt record " + record.dataset() + "/" + record.sample() + " ("
                    + record.type() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Writes records as a pretty-printed JSON array, through a temporary file renamed over the target so a reader
     * never sees half a file. Every record is checked first, so a file this writes can always be read back.
     *
     * @param records the records
     * @param file    the JSON file; missing parent folders are created
     * @throws InvalidInputException if a record has an unknown type or content that does not fit it (naming its
     *                               index), or the file cannot be written
     */
    public static void write(List<PromptRecord> records, Path file) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(file, "file");
        JsonArray array = new JsonArray();
        for (int i = 0; i < records.size(); i++) {
            PromptRecord r = Objects.requireNonNull(records.get(i), "record " + i);
            check(r, i, file);
            JsonObject o = new JsonObject();
            o.addProperty("dataset", r.dataset());
            o.addProperty("sample", r.sample());
            o.addProperty("type", r.type());
            o.add("content", r.content());
            array.add(o);
        }
        writeAtomically(file, out -> {
            // Not closed here: AtomicFiles closes the stream it handed out.
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(array, w);
            w.write('\n');
            w.flush();
        });
    }

    /**
     * Reads a prompt file and checks every record's type and content layout (SegLab mask files are read only by
     * {@link #toPrompt}).
     *
     * @param file the JSON file
     * @return the records in file order
     * @throws InvalidInputException if the file is missing or unreadable, is not a well-formed JSON array, or a
     *                               record lacks a field, has an unknown type or content that does not fit it; the
     *                               message names the file and the record's index
     */
    public static List<PromptRecord> read(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("prompt file " + file + " does not exist or is not a regular file");
        }
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonReader reader = new JsonReader(in);
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected content after the top-level value at " + reader.getPath());
            }
        } catch (JsonParseException | MalformedJsonException e) {
            throw new InvalidInputException("prompt file " + file + " is not well-formed JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("prompt file " + file + " could not be read: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new InvalidInputException("prompt file " + file + " must hold a JSON array of records but its "
                    + "top level is " + kind(root));
        }
        JsonArray array = root.getAsJsonArray();
        List<PromptRecord> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonObject()) {
                throw recordError(i, file, "must be a JSON object but is " + kind(e));
            }
            JsonObject o = e.getAsJsonObject();
            JsonElement content = o.get("content");
            if (content == null || content.isJsonNull()) {
                throw recordError(i, file, "has no \"content\"");
            }
            PromptRecord r = new PromptRecord(string(o, "dataset", i, file), string(o, "sample", i, file),
                    string(o, "type", i, file), content);
            check(r, i, file);
            out.add(r);
        }
        return out;
    }

    /** Checks a record's type and content layout without touching SegLab mask files. */
    private static void check(PromptRecord r, int index, Path file) {
        try {
            PromptType type = PromptContent.type(r.type());
            if (type == PromptType.SEGLAB) {
                PromptContent.maskReference(r.content());
            } else {
                PromptContent.decode(type, r.content());
            }
        } catch (InvalidInputException e) {
            throw recordError(index, file, "(" + r.dataset() + "/" + r.sample() + "): " + e.getMessage());
        }
    }

    private static String string(JsonObject o, String field, int index, Path file) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw recordError(index, file, "needs a string \"" + field + "\" but has " + e);
        }
        return e.getAsString();
    }

    private static InvalidInputException recordError(int index, Path file, String problem) {
        return new InvalidInputException("prompt record at index " + index + " (counting from 0) in " + file + " "
                + problem);
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        // Gson reads an empty document as JSON null, so both end up here.
        return e.isJsonNull() ? "null or empty" : "the value " + e;
    }

    /** {@link AtomicFiles#write}, with a write failure reported as bad input naming the file. */
    private static void writeAtomically(Path target, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(target, content);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("could not write " + target + ": " + e.getCause().getMessage(), e);
        }
    }
}
