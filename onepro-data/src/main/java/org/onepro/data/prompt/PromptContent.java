package org.onepro.data.prompt;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.prompt.Stroke;

/**
 * The JSON content of a {@link PromptRecord} per prompt type, both ways. A SegLab mask lives in its own image file,
 * so here its content is only the reference to that file; loading and saving the image is {@link PromptJson}'s job.
 */
final class PromptContent {

    private PromptContent() {
    }

    /**
     * The record type name of a prompt type.
     *
     * @param type the prompt type
     * @return {@code click}, {@code bbox}, {@code doodle} or {@code seglab}
     */
    static String name(PromptType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a record type name.
     *
     * @param name the name, exactly as written in the file
     * @return the prompt type
     * @throws InvalidInputException if the name is none of the four
     */
    static PromptType type(String name) {
        for (PromptType t : PromptType.values()) {
            if (name(t).equals(name)) {
                return t;
            }
        }
        throw new InvalidInputException("unknown prompt type \"" + name
                + "\", expected one of \"click\", \"bbox\", \"doodle\" or \"seglab\"");
    }

    /**
     * Encodes a click, box or doodle.
     *
     * @param prompt the prompt, not a SegLab
     * @return {@code {"points": [[x, y, 1|0], ...]}}, {@code [x0, y0, x1, y1]} or
     *         {@code {"strokes": [{"points": [[x, y], ...], "width": w, "foreground": true|false}, ...]}}
     */
    static JsonElement encode(Prompt prompt) {
        if (prompt instanceof Click click) {
            JsonArray points = new JsonArray();
            for (ClickPoint p : click.points()) {
                JsonArray xyf = xy(p.point());
                xyf.add(p.foreground() ? 1 : 0);
                points.add(xyf);
            }
            JsonObject out = new JsonObject();
            out.add("points", points);
            return out;
        }
        if (prompt instanceof BBox box) {
            JsonArray out = new JsonArray();
            out.add(box.x0());
            out.add(box.y0());
            out.add(box.x1());
            out.add(box.y1());
            return out;
        }
        if (prompt instanceof Doodle doodle) {
            JsonArray strokes = new JsonArray();
            for (Stroke s : doodle.strokes()) {
                JsonArray points = new JsonArray();
                for (Point p : s.points()) {
                    points.add(xy(p));
                }
                JsonObject stroke = new JsonObject();
                stroke.add("points", points);
                stroke.addProperty("width", s.width());
                stroke.addProperty("foreground", s.foreground());
                strokes.add(stroke);
            }
            JsonObject out = new JsonObject();
            out.add("strokes", strokes);
            return out;
        }
        throw new IllegalArgumentException("a " + prompt.type() + " prompt has no inline JSON content");
    }

    /**
     * Encodes the reference to a SegLab mask file.
     *
     * @param maskPath the mask file's path relative to the JSON file's folder, with {@code /} separators
     * @return {@code {"mask": maskPath}}
     */
    static JsonElement encodeMaskReference(String maskPath) {
        JsonObject out = new JsonObject();
        out.addProperty("mask", maskPath);
        return out;
    }

    /**
     * Decodes a click, box or doodle.
     *
     * @param type    the prompt type, not SEGLAB
     * @param content the content
     * @return the prompt
     * @throws InvalidInputException if the content does not have the type's layout or describes an invalid prompt
     */
    static Prompt decode(PromptType type, JsonElement content) {
        return switch (type) {
            case CLICK -> decodeClick(content);
            case BBOX -> decodeBox(content);
            case DOODLE -> decodeDoodle(content);
            case SEGLAB -> throw new IllegalArgumentException("a SegLab prompt needs its mask file to be decoded");
        };
    }

    /**
     * Reads the mask reference of a SegLab content.
     *
     * @param content the content
     * @return the relative mask path as written
     * @throws InvalidInputException if the content is not {@code {"mask": "non-empty string"}}
     */
    static String maskReference(JsonElement content) {
        JsonObject o = object(content, "seglab content");
        JsonElement mask = o.get("mask");
        if (mask == null || !mask.isJsonPrimitive() || !mask.getAsJsonPrimitive().isString()
                || mask.getAsString().isEmpty()) {
            throw new InvalidInputException("seglab content needs \"mask\": a non-empty relative path string, got "
                    + mask);
        }
        return mask.getAsString();
    }

    private static Click decodeClick(JsonElement content) {
        JsonArray points = array(object(content, "click content").get("points"), "click \"points\"");
        List<ClickPoint> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String what = "click point " + i;
            JsonArray p = array(points.get(i), what);
            if (p.size() != 3) {
                throw new InvalidInputException(what + " must be [x, y, 1|0] but has " + p.size() + " values");
            }
            double flag = number(p.get(2), what + " flag");
            if (flag != 0 && flag != 1) {
                throw new InvalidInputException(what + " flag must be 1 (foreground) or 0 (background) but was "
                        + p.get(2));
            }
            out.add(new ClickPoint(new Point(number(p.get(0), what + " x"), number(p.get(1), what + " y")),
                    flag == 1));
        }
        return Click.of(out);
    }

    private static BBox decodeBox(JsonElement content) {
        JsonArray a = array(content, "bbox content");
        if (a.size() != 4) {
            throw new InvalidInputException("bbox content must be [x0, y0, x1, y1] but has " + a.size() + " values");
        }
        return new BBox(number(a.get(0), "bbox x0"), number(a.get(1), "bbox y0"), number(a.get(2), "bbox x1"),
                number(a.get(3), "bbox y1"));
    }

    private static Doodle decodeDoodle(JsonElement content) {
        JsonArray strokes = array(object(content, "doodle content").get("strokes"), "doodle \"strokes\"");
        List<Stroke> out = new ArrayList<>();
        for (int i = 0; i < strokes.size(); i++) {
            String what = "doodle stroke " + i;
            JsonObject s = object(strokes.get(i), what);
            JsonArray points = array(s.get("points"), what + " \"points\"");
            List<Point> xy = new ArrayList<>();
            for (int j = 0; j < points.size(); j++) {
                JsonArray p = array(points.get(j), what + " point " + j);
                if (p.size() != 2) {
                    throw new InvalidInputException(what + " point " + j + " must be [x, y] but has " + p.size()
                            + " values");
                }
                xy.add(new Point(number(p.get(0), what + " point " + j + " x"),
                        number(p.get(1), what + " point " + j + " y")));
            }
            double width = number(s.get("width"), what + " \"width\"");
            // Clinicians' doodles mark the target, so a stroke without the flag is a foreground stroke.
            JsonElement fg = s.get("foreground");
            boolean foreground = true;
            if (fg != null) {
                if (!fg.isJsonPrimitive() || !fg.getAsJsonPrimitive().isBoolean()) {
                    throw new InvalidInputException(what + " \"foreground\" must be true or false but was " + fg);
                }
                foreground = fg.getAsBoolean();
            }
            out.add(new Stroke(xy, width, foreground));
        }
        return Doodle.of(out);
    }

    private static JsonArray xy(Point p) {
        JsonArray a = new JsonArray();
        a.add(p.x());
        a.add(p.y());
        return a;
    }

    private static JsonObject object(JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) {
            throw new InvalidInputException(what + " must be a JSON object but was " + e);
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonElement e, String what) {
        if (e == null || !e.isJsonArray()) {
            throw new InvalidInputException(what + " must be a JSON array but was " + e);
        }
        return e.getAsJsonArray();
    }

    private static double number(JsonElement e, String what) {
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw new InvalidInputException(what + " must be a number but was " + e);
        }
        return e.getAsDouble();
    }
}
