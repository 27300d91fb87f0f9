package org.onepro.train.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void theLossCurveIsA900By500PngAndNothingElseIsLeftInTheFolder() throws IOException {
        Path png = dir.resolve("loss.png");
        Plots.lossCurve(rising(1000), png);
        assertImage(png);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void aRisingLossDrawsItsMovingAverageHigherOnTheRight() throws IOException {
        Path png = dir.resolve("loss.png");
        Plots.lossCurve(rising(1000), png);
        BufferedImage image = ImageIO.read(png.toFile());
        // Both columns lie inside the plot area, left of the legend.
        int left = topmostBluePixel(image, 150);
        int right = topmostBluePixel(image, 600);
        assertTrue(left > 0 && right > 0, "the moving average is drawn in both columns");
        assertTrue(right < left - 100, "right end at y=" + right + " should be well above left end at y=" + left);
    }

    @Test
    void aSingleStepStillPlots() throws IOException {
        Path png = dir.resolve("one.png");
        Plots.lossCurve(List.of(new StepRow(7, 0.5, 1e-4, 1, 1, 1)), png);
        assertImage(png);
    }

    @Test
    void validationCurvesAreA900By500PngWithOneColourPerPromptType() throws IOException {
        List<ValidationRow> rows = new ArrayList<>();
        String[] prompts = {"Click", "BBox", "Doodle", "SegLab"};
        for (long step = 0; step <= 2000; step += 500) {
            for (String task : List.of("nuclei", "spleen")) {
                for (int p = 0; p < prompts.length; p++) {
                    rows.add(new ValidationRow(step, task, prompts[p], Math.min(1, step / 2500.0 + 0.05 * p), 0.1));
                }
            }
        }
        Path png = dir.resolve("validation.png");
        Plots.validationCurves(rows, png);
        BufferedImage image = assertImage(png);
        for (int p = 0; p < prompts.length; p++) {
            assertTrue(countNear(image, Chart.PALETTE[p]) > 30, prompts[p] + " has a visible line");
        }
    }

    @Test
    void emptyInputIsRefusedWithoutWritingAFile() {
        Path loss = dir.resolve("loss.png");
        Path validation = dir.resolve("validation.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.lossCurve(List.of(), loss));
        assertTrue(e.getMessage().contains("no step rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.validationCurves(List.of(), validation));
        assertFalse(Files.exists(loss));
        assertFalse(Files.exists(validation));
    }

    @Test
    void ticksAreFiveToEightRoundValues() {
        Chart.Axis steps = Chart.Axis.covering(1, 20000);
        assertArrayEquals(new double[] {0, 5000, 10000, 15000, 20000}, steps.ticks(), 1e-9);
        Chart.Axis dice = Chart.Axis.fixed(0, 1);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"),
                Arrays.stream(dice.ticks()).mapToObj(dice::label).toList());
        for (double[] range : new double[][] {{0, 15}, {0.3, 2.7}, {0.0123, 0.0125}, {5, 5}, {-3, 1e6}}) {
            int n = Chart.Axis.covering(range[0], range[1]).ticks().length;
            assertTrue(n >= 5 && n <= 8, Arrays.toString(range) + " gave " + n + " ticks");
        }
    }

    private static List<StepRow> rising(int n) {
        List<StepRow> rows = new ArrayList<>();
        for (int step = 1; step <= n; step++) {
            rows.add(new StepRow(step, step / (double) n, 1e-4, 1, 8, step));
        }
        return rows;
    }

    private static BufferedImage assertImage(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(500, image.getHeight());
        return image;
    }

    private static int topmostBluePixel(BufferedImage image, int x) {
        for (int y = 0; y < image.getHeight(); y++) {
            Color c = new Color(image.getRGB(x, y));
            if (c.getBlue() - c.getRed() > 60 && c.getBlue() > 100) {
                return y;
            }
        }
        return -1;
    }

    private static int countNear(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                int d = Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue());
                if (d < 20) {
                    count++;
                }
            }
        }
        return count;
    }
}
