package org.onepro.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.prompt.SegLab;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.io.ImageFiles;
import org.onepro.data.prompt.ScribblePrompts;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --prompt} value of {@code onepro segment}, in two steps: {@link #parse} checks the text alone (so a typo
 * is a usage error before any model loads), {@link #resolve} reads the files it names and checks it against its
 * template (a point outside the image, a scribble file of another size). Forms, coordinates in template pixels
 * ({@code x} column, {@code y} row):
 * <pre>
 * click:x,y[,fg|bg][;x,y[,fg|bg]...]   clicks, foreground unless marked bg; at least one foreground
 * bbox:x0,y0,x1,y1                     a box, x1 &gt; x0 and y1 &gt; y0
 * doodle:FILE                          a scribble image: 0 none, 1 foreground stroke, 2 background stroke
 * seglab:MASK                          a mask image: every non-zero pixel is the target
 * </pre>
 */
public final class PromptSpec {

    /** The forms, for messages and help texts. */
    public static final String FORMS =
            "click:x,y[,fg|bg][;x,y[,fg|bg]...], bbox:x0,y0,x1,y1, doodle:FILE or seglab:MASK";

    // Plain decimals only: Double.parseDouble would also take "NaN", "Infinity", hex and a trailing "d".
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final String text;
    private final PromptType type;
    private final Prompt prompt;
    private final Path file;

    private PromptSpec(String text, PromptType type, Prompt prompt, Path file) {
        this.text = text;
        this.type = type;
        this.prompt = prompt;
        this.file = file;
    }

    /**
     * Parses a spec without touching any file.
     *
     * @param text the spec
     * @return the parsed spec
     * @throws InvalidInputException naming the problem: no or an unknown type, a wrong count of numbers, a
     *                               non-number, an inverted box, no foreground click, an empty file name
     */
    public static PromptSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw error(text, "no prompt type; use " + FORMS);
        }
        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String body = text.substring(colon + 1).strip();
        try {
            return switch (name) {
                case "click" -> new PromptSpec(text, PromptType.CLICK, clicks(body), null);
                case "bbox", "box" -> new PromptSpec(text, PromptType.BBOX, box(body), null);
                case "doodle" -> new PromptSpec(text, PromptType.DOODLE, null, file(body));
                case "seglab" -> new PromptSpec(text, PromptType.SEGLAB, null, file(body));
                default -> throw new InvalidInputException("unknown prompt type '" + name + "'; use " + FORMS);
            };
        } catch (InvalidInputException e) {
            throw error(text, e.getMessage());
        }
    }

    /** The prompt type. */
    public PromptType type() {
        return type;
    }

    /** The file a doodle or seglab spec names, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The prompt on a template: files are read and everything is checked against the template's size.
     *
     * @param template the image the prompt is drawn on
     * @return the prompt, valid for the template
     * @throws InvalidInputException naming the spec and the problem: a point or box outside the template, an
     *                               unreadable file, a file of another size, a scribble file without foreground or
     *                               with values other than 0, 1, 2, an empty mask
     */
    public Prompt resolve(Image template) {
        int h = template.height();
        int w = template.width();
        try {
            Prompt p = switch (type) {
                case CLICK, BBOX -> prompt;
                case DOODLE -> doodle(readSameSize(h, w));
                case SEGLAB -> SegLab.of(nonZero(readSameSize(h, w)));
            };
            p.validate(h, w);
            return p;
        } catch (InvalidInputException e) {
            throw error(text, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static Click clicks(String body) {
        if (body.isEmpty()) {
            throw new InvalidInputException("no click; expected x,y[,fg|bg] separated by ;");
        }
        String[] parts = body.split(";", -1);
        List<ClickPoint> points = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            String where = parts.length == 1 ? "click" : "click " + (i + 1);
            String[] f = part.split(",", -1);
            if (f.length < 2 || f.length > 3) {
                throw new InvalidInputException(where + " '" + part + "' has " + (part.isEmpty() ? 0 : f.length)
                        + " field(s); expected x,y or x,y,fg or x,y,bg");
            }
            boolean foreground = true;
            if (f.length == 3) {
                String side = f[2].strip().toLowerCase(Locale.ROOT);
                if (!side.equals("fg") && !side.equals("bg")) {
                    throw new InvalidInputException(where + " '" + part + "' ends in '" + f[2].strip()
                            + "'; expected fg or bg");
                }
                foreground = side.equals("fg");
            }
            points.add(new ClickPoint(new Point(number(f[0], where + " x"), number(f[1], where + " y")), foreground));
        }
        return Click.of(points);
    }

    private static BBox box(String body) {
        String[] f = body.split(",", -1);
        if (f.length != 4) {
            throw new InvalidInputException("a box needs 4 numbers x0,y0,x1,y1 but '" + body + "' has "
                    + (body.isEmpty() ? 0 : f.length));
        }
        return new BBox(number(f[0], "x0"), number(f[1], "y0"), number(f[2], "x1"), number(f[3], "y1"));
    }

    private static Path file(String body) {
        if (body.isEmpty()) {
            throw new InvalidInputException("no file name after the colon");
        }
        return Path.of(body);
    }

    private static double number(String field, String what) {
        String s = field.strip();
        if (!NUMBER.matcher(s).matches()) {
            throw new InvalidInputException(what + " '" + s + "' is not a number");
        }
        return Double.parseDouble(s);
    }

    private LabelMap readSameSize(int h, int w) {
        LabelMap labels = ImageFiles.readLabels(file);
        if (labels.height() != h || labels.width() != w) {
            throw new InvalidInputException(file + " is " + labels.width() + "x" + labels.height()
                    + " pixels but the template is " + w + "x" + h + " (width x height)");
        }
        return labels;
    }

    private Doodle doodle(LabelMap scribbles) {
        return ScribblePrompts.fromScribbles(scribbles).orElseThrow(() -> new InvalidInputException(file
                + " has no foreground stroke (no pixel of value 1)"));
    }

    private static Mask nonZero(LabelMap labels) {
        int[] v = labels.data();
        boolean[] m = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            m[i] = v[i] != 0;
        }
        return Mask.of(m, labels.height(), labels.width());
    }

    private static InvalidInputException error(String text, String problem) {
        return new InvalidInputException("prompt '" + text + "': " + problem);
    }

    /** Lets picocli parse {@code --prompt} values, so a malformed spec is a usage error (exit code 2). */
    static final class Converter implements ITypeConverter<PromptSpec> {

        @Override
        public PromptSpec convert(String value) {
            try {
                return parse(value);
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
