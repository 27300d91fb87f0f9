package org.onepro.app.cli;

import java.awt.Color;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;
import org.onepro.core.transform.PercentileNormalizer;

/**
 * An RGB picture of an image to draw masks and prompts on, for overlay PNGs. The image is contrast-stretched the
 * way the model sees it (0.5/99.5 percentiles), so a 16-bit or CT image that is nearly black as stored is
 * readable.
 */
final class Canvas {

    /** Predicted masks. */
    static final float[] PREDICTION = {1f, 0.35f, 0.1f};
    /** Reference masks. */
    static final float[] TRUTH = {0.2f, 1f, 0.3f};
    /** Foreground prompt parts. */
    static final float[] FOREGROUND = {0.2f, 1f, 0.3f};
    /** Background prompt parts. */
    static final float[] BACKGROUND = {1f, 0.2f, 0.2f};

    private static final float TINT = 0.4f;

    private final int height;
    private final int width;
    private final float[] rgb;

    private Canvas(int height, int width, float[] rgb) {
        this.height = height;
        this.width = width;
        this.rgb = rgb;
    }

    /** A canvas showing {@code image} (grey or RGB). */
    static Canvas of(Image image) {
        Image shown = PercentileNormalizer.DEFAULT.apply(image).withChannels(3);
        return new Canvas(shown.height(), shown.width(), shown.data());
    }

    /** The {@code i}-th of a sequence of distinct colours (golden-angle hues), for many masks in one picture. */
    static float[] palette(int i) {
        Color c = Color.getHSBColor((float) ((i * 0.381966) % 1.0), 0.85f, 1f);
        return new float[] {c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f};
    }

    /** Blends the colour into the mask's pixels and draws its outline at full strength. */
    Canvas fill(Mask mask, float[] colour) {
        boolean[] m = mask(mask);
        int plane = height * width;
        for (int i = 0; i < plane; i++) {
            if (m[i]) {
                for (int c = 0; c < 3; c++) {
                    rgb[c * plane + i] = (1 - TINT) * rgb[c * plane + i] + TINT * colour[c];
                }
            }
        }
        return outline(mask, colour);
    }

    /** Draws the mask's outline: its pixels with a 4-neighbour outside it. */
    Canvas outline(Mask mask, float[] colour) {
        boolean[] m = mask(mask);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (m[i] && (x == 0 || y == 0 || x == width - 1 || y == height - 1
                        || !m[i - 1] || !m[i + 1] || !m[i - width] || !m[i + width])) {
                    set(x, y, colour);
                }
            }
        }
        return this;
    }

    /** Draws a prompt: clicks as crosses, a box as a rectangle, strokes as lines, a SegLab mask as an outline. */
    Canvas prompt(Prompt prompt) {
        int arm = Math.max(3, Math.min(height, width) / 40);
        if (prompt instanceof Click click) {
            for (ClickPoint p : click.points()) {
                float[] colour = p.foreground() ? FOREGROUND : BACKGROUND;
                line(p.point().x() - arm, p.point().y(), p.point().x() + arm, p.point().y(), colour);
                line(p.point().x(), p.point().y() - arm, p.point().x(), p.point().y() + arm, colour);
            }
        } else if (prompt instanceof BBox box) {
            line(box.x0(), box.y0(), box.x1(), box.y0(), FOREGROUND);
            line(box.x1(), box.y0(), box.x1(), box.y1(), FOREGROUND);
            line(box.x1(), box.y1(), box.x0(), box.y1(), FOREGROUND);
            line(box.x0(), box.y1(), box.x0(), box.y0(), FOREGROUND);
        } else if (prompt instanceof Doodle doodle) {
            for (Stroke s : doodle.strokes()) {
                for (int i = 1; i < s.points().size(); i++) {
                    Point a = s.points().get(i - 1);
                    Point b = s.points().get(i);
                    line(a.x(), a.y(), b.x(), b.y(), s.foreground() ? FOREGROUND : BACKGROUND);
                }
            }
        } else if (prompt instanceof SegLab segLab) {
            outline(segLab.mask(), FOREGROUND);
        }
        return this;
    }

    /** The picture as a 3-channel image. */
    Image toImage() {
        return Image.of(rgb, 3, height, width);
    }

    private boolean[] mask(Mask mask) {
        if (mask.height() != height || mask.width() != width) {
            throw new IllegalArgumentException("mask " + mask.height() + "x" + mask.width() + " does not match the "
                    + height + "x" + width + " picture");
        }
        return mask.data();
    }

    private void line(double x0, double y0, double x1, double y1, float[] colour) {
        int steps = (int) Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))) + 1;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            set((int) Math.round(x0 + t * (x1 - x0)), (int) Math.round(y0 + t * (y1 - y0)), colour);
        }
    }

    private void set(int x, int y, float[] colour) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int plane = height * width;
        for (int c = 0; c < 3; c++) {
            rgb[c * plane + y * width + x] = colour[c];
        }
    }
}
