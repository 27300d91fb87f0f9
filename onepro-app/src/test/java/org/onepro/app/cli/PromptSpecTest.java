package org.onepro.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.core.prompt.SegLab;

class PromptSpecTest {

    private static final Image TEMPLATE = Image.of(new float[40 * 30], 1, 30, 40);

    private static String parseError(String spec) {
        return assertThrows(InvalidInputException.class, () -> PromptSpec.parse(spec)).getMessage();
    }

    private static String resolveError(String spec, Image template) {
        PromptSpec parsed = PromptSpec.parse(spec);
        return assertThrows(InvalidInputException.class, () -> parsed.resolve(template)).getMessage();
    }

    @Test
    void clicksWithSidesAndSeveralPoints() {
        Prompt p = PromptSpec.parse("click:10,12;20.5,3,bg; 5,6,FG").resolve(TEMPLATE);
        assertEquals(Click.of(List.of(new ClickPoint(new Point(10, 12), true), new ClickPoint(new Point(20.5, 3), false),
                new ClickPoint(new Point(5, 6), true))), p);
        assertEquals(Click.foreground(0, 29), PromptSpec.parse("click:0,29").resolve(TEMPLATE));
    }

    @Test
    void aBox() {
        PromptSpec spec = PromptSpec.parse("bbox:1,2,30.5,20");
        assertEquals(PromptType.BBOX, spec.type());
        assertEquals(new BBox(1, 2, 30.5, 20), spec.resolve(TEMPLATE));
    }

    @Test
    void badSyntaxIsNamed() {
        assertTrue(parseError("10,12").contains("no prompt type"), parseError("10,12"));
        assertTrue(parseError("point:1,2").contains("unknown prompt type 'point'"), parseError("point:1,2"));
        assertTrue(parseError("click:1").contains("has 1 field(s)"), parseError("click:1"));
        assertTrue(parseError("click:1,2;3").contains("click 2 '3'"), parseError("click:1,2;3"));
        assertTrue(parseError("click:1,2,up").contains("expected fg or bg"), parseError("click:1,2,up"));
        assertTrue(parseError("click:a,2").contains("click x 'a' is not a number"), parseError("click:a,2"));
        assertTrue(parseError("click:NaN,2").contains("is not a number"), parseError("click:NaN,2"));
        assertTrue(parseError("click:1,2,bg").contains("at least one foreground"), parseError("click:1,2,bg"));
        assertTrue(parseError("click:").contains("no click"), parseError("click:"));
        assertTrue(parseError("bbox:1,2,3").contains("needs 4 numbers"), parseError("bbox:1,2,3"));
        assertTrue(parseError("bbox:1,2,3,x").contains("y1 'x' is not a number"), parseError("bbox:1,2,3,x"));
        assertTrue(parseError("bbox:5,5,2,9").contains("inverted box"), parseError("bbox:5,5,2,9"));
        assertTrue(parseError("doodle:").contains("no file name"), parseError("doodle:"));
        assertTrue(parseError("bbox:1,2,3").startsWith("prompt 'bbox:1,2,3': "), parseError("bbox:1,2,3"));
    }

    @Test
    void pointsOutsideTheTemplateAreNamed() {
        String click = resolveError("click:40,3", TEMPLATE);
        assertTrue(click.contains("outside") && click.contains("(40.0, 3.0)"), click);
        String box = resolveError("bbox:1,1,10,30", TEMPLATE);
        assertTrue(box.contains("outside"), box);
    }

    @Test
    void doodleFromAScribbleImage(@TempDir Path dir) {
        int[] v = new int[40 * 30];
        for (int x = 5; x < 25; x++) {
            v[10 * 40 + x] = 1;
            v[25 * 40 + x] = 2;
        }
        Path file = TestFiles.labels(dir.resolve("s.png"), v, 40, 30);
        Prompt p = PromptSpec.parse("doodle:" + file).resolve(TEMPLATE);
        Doodle d = assertInstanceOf(Doodle.class, p);
        assertEquals(2, d.strokes().size());
        assertTrue(d.strokes().get(0).foreground());
    }

    @Test
    void badScribbleFilesAreNamed(@TempDir Path dir) {
        Path none = TestFiles.labels(dir.resolve("none.png"), new int[40 * 30], 40, 30);
        assertTrue(resolveError("doodle:" + none, TEMPLATE).contains("no foreground stroke"));
        int[] v = new int[40 * 30];
        v[3] = 255;
        Path bad = TestFiles.labels(dir.resolve("bad.png"), v, 40, 30);
        assertTrue(resolveError("doodle:" + bad, TEMPLATE).contains("scribble value 255"));
        Path small = TestFiles.labels(dir.resolve("small.png"), new int[20 * 10], 20, 10);
        String size = resolveError("doodle:" + small, TEMPLATE);
        assertTrue(size.contains("20x10") && size.contains("40x30"), size);
        String missing = resolveError("seglab:" + dir.resolve("missing.png"), TEMPLATE);
        assertTrue(missing.contains("missing.png") && missing.contains("does not exist"), missing);
    }

    @Test
    void segLabFromAMaskImage(@TempDir Path dir) {
        Path file = TestFiles.mask(dir.resolve("m.png"), TestFiles.disc(40, 30, 20, 15, 6));
        SegLab p = assertInstanceOf(SegLab.class, PromptSpec.parse("seglab:" + file).resolve(TEMPLATE));
        assertEquals(TestFiles.disc(40, 30, 20, 15, 6), p.mask());
        Path empty = TestFiles.labels(dir.resolve("e.png"), new int[40 * 30], 40, 30);
        assertTrue(resolveError("seglab:" + empty, TEMPLATE).contains("empty"));
    }
}
