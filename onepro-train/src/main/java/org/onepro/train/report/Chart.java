package org.onepro.train.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.onepro.core.io.AtomicFiles;

/**
 * A line chart on a fixed 900 x 500 canvas: title, axes with "nice" ticks, grid, axis titles, an optional legend
 * to the right of the plot (outside it, so it never hides data), and atomic PNG output. {@link Plots} decides
 * what to draw; this class only knows how.
 */
final class Chart {

    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    /** Line colours for series that need telling apart (Tableau 10 without its grey, which marks controls). */
    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(188, 189, 34),
        new Color(23, 190, 207),
    };

    /** One legend line. */
    record LegendEntry(String label, Color color, boolean dashed) {
    }

    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int TICK = 5;
    private static final int LEGEND_SAMPLE = 28;
    private static final Color GRID = new Color(228, 228, 228);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final Rectangle plot;
    private final Axis x;
    private final Axis y;

    /** Draws everything except the data: background, title, grid, axes, tick labels, axis titles and legend. */
    Chart(String title, String xTitle, String yTitle, Axis x, Axis y, List<LegendEntry> legend) {
        this.x = x;
        this.y = y;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(FONT);
        int legendWidth = legendWidth(legend);
        plot = new Rectangle(LEFT, TOP, WIDTH - LEFT - RIGHT - legendWidth, HEIGHT - TOP - BOTTOM);
        drawTitles(title, xTitle, yTitle);
        drawAxes();
        drawLegend(legend);
    }

    /**
     * Draws a line through the points; a non-finite value breaks it, and a point with no neighbour still shows as
     * a dot so a single validation point is visible.
     */
    void line(double[] xs, double[] ys, Color color, float width, boolean dashed) {
        Path2D.Double path = new Path2D.Double();
        int from = 0;
        while (from < xs.length) {
            if (!finite(xs, ys, from)) {
                from++;
                continue;
            }
            int to = from;
            while (to < xs.length && finite(xs, ys, to)) {
                to++;
            }
            if (to - from == 1) {
                markers(new double[] {xs[from]}, new double[] {ys[from]}, color, Math.max(4, 2 * width));
            } else {
                appendRun(path, xs, ys, from, to);
            }
            from = to;
        }
        withClip(() -> {
            g.setColor(color);
            g.setStroke(stroke(width, dashed));
            g.draw(path);
        });
    }

    /** Draws a filled circle at every finite point; sparse series (validation) read better with markers. */
    void markers(double[] xs, double[] ys, Color color, double diameter) {
        withClip(() -> {
            g.setColor(color);
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                    g.fill(new Ellipse2D.Double(px(xs[i]) - diameter / 2, py(ys[i]) - diameter / 2, diameter,
                            diameter));
                }
            }
        });
    }

    /** Encodes the chart as PNG and writes it atomically, so a viewer refreshing the file never sees half of it. */
    void save(Path png) {
        g.dispose();
        AtomicFiles.write(png, out -> {
            // A memory cache avoids ImageIO's default temporary files in java.io.tmpdir.
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", ios)) {
                    throw new IOException("this Java runtime has no PNG writer");
                }
            }
        });
    }

    /**
     * Adds finite points {@code [from, to)} as one connected piece. Points sharing a pixel column are reduced to
     * the first, lowest, highest and last of them (M4 decimation): the drawing looks the same, but a 100 000-step
     * loss curve costs hundreds of segments per column less, which matters while training shares the CPU.
     */
    private void appendRun(Path2D.Double path, double[] xs, double[] ys, int from, int to) {
        path.moveTo(px(xs[from]), py(ys[from]));
        int first = from;
        int column = (int) Math.floor(px(xs[from]));
        int lowest = from;
        int highest = from;
        for (int i = from + 1; i <= to; i++) {
            int c = i < to ? (int) Math.floor(px(xs[i])) : Integer.MIN_VALUE;
            if (i < to && c == column) {
                lowest = ys[i] < ys[lowest] ? i : lowest;
                highest = ys[i] > ys[highest] ? i : highest;
                continue;
            }
            int last = i - 1;
            // Points keep their original order so the line never doubles back within a column.
            int[] keep = {first, Math.min(lowest, highest), Math.max(lowest, highest), last};
            int previous = from;
            for (int k : keep) {
                if (k != previous) {
                    path.lineTo(px(xs[k]), py(ys[k]));
                    previous = k;
                }
            }
            first = i;
            lowest = i;
            highest = i;
            column = c;
        }
    }

    private static boolean finite(double[] xs, double[] ys, int i) {
        return Double.isFinite(xs[i]) && Double.isFinite(ys[i]);
    }

    private double px(double value) {
        return plot.x + (value - x.min()) / (x.max() - x.min()) * plot.width;
    }

    private double py(double value) {
        return plot.y + plot.height - (value - y.min()) / (y.max() - y.min()) * plot.height;
    }

    private void withClip(Runnable drawing) {
        // One pixel of slack keeps a line lying exactly on an axis limit (Dice 1.0) fully visible.
        g.setClip(plot.x - 1, plot.y - 1, plot.width + 3, plot.height + 3);
        drawing.run();
        g.setClip(null);
    }

    private static Stroke stroke(float width, boolean dashed) {
        return dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private void drawTitles(String title, String xTitle, String yTitle) {
        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        centred(title, plot.x + plot.width / 2.0, 30);
        g.setFont(FONT);
        centred(xTitle, plot.x + plot.width / 2.0, HEIGHT - 15);
        AffineTransform saved = g.getTransform();
        g.translate(22, plot.y + plot.height / 2.0);
        g.rotate(-Math.PI / 2);
        centred(yTitle, 0, 0);
        g.setTransform(saved);
    }

    private void drawAxes() {
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double t : x.ticks()) {
            double p = px(t);
            g.setColor(GRID);
            g.draw(new Line2D.Double(p, plot.y, p, plot.y + plot.height));
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(p, plot.y + plot.height, p, plot.y + plot.height + TICK));
            centred(x.label(t), p, plot.y + plot.height + TICK + fm.getAscent() + 2);
        }
        for (double t : y.ticks()) {
            double p = py(t);
            g.setColor(GRID);
            g.draw(new Line2D.Double(plot.x, p, plot.x + plot.width, p));
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(plot.x - TICK, p, plot.x, p));
            String label = y.label(t);
            g.drawString(label, (float) (plot.x - TICK - 3 - fm.stringWidth(label)),
                    (float) (p + fm.getAscent() / 2.0 - 1));
        }
        g.setColor(Color.BLACK);
        g.draw(plot);
    }

    private int legendWidth(List<LegendEntry> legend) {
        if (legend.isEmpty()) {
            return 0;
        }
        FontMetrics fm = g.getFontMetrics(FONT);
        int widest = 0;
        for (LegendEntry e : legend) {
            widest = Math.max(widest, fm.stringWidth(e.label()));
        }
        return 20 + LEGEND_SAMPLE + 6 + widest;
    }

    private void drawLegend(List<LegendEntry> legend) {
        FontMetrics fm = g.getFontMetrics();
        double left = plot.x + plot.width + 20;
        double row = plot.y + 10;
        for (LegendEntry e : legend) {
            g.setColor(e.color());
            g.setStroke(stroke(2f, e.dashed()));
            g.draw(new Line2D.Double(left, row, left + LEGEND_SAMPLE, row));
            g.setColor(Color.BLACK);
            g.drawString(e.label(), (float) (left + LEGEND_SAMPLE + 6), (float) (row + fm.getAscent() / 2.0 - 1));
            row += fm.getHeight() + 6;
        }
    }

    private void centred(String text, double cx, double baseline) {
        g.drawString(text, (float) (cx - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    /**
     * One axis: its range and tick values. Tick steps are 1, 2 or 5 times a power of ten, 5 to 8 ticks per axis.
     *
     * @param min   the value at the axis start
     * @param max   the value at the axis end
     * @param ticks the tick values, ascending, within {@code [min, max]}
     * @param step  the distance between ticks
     */
    record Axis(double min, double max, double[] ticks, double step) {

        private static final double EPS = 1e-9;
        private static final int MIN_TICKS = 5;
        private static final int MAX_TICKS = 8;

        /**
         * An axis covering {@code [lo, hi]}, widened to whole tick steps where that still gives 5 to 8 ticks (so
         * the ends carry labels), otherwise spanning exactly the data with ticks inside it.
         */
        static Axis covering(double lo, double hi) {
            double[] range = nonEmpty(lo, hi);
            lo = range[0];
            hi = range[1];
            for (double step : candidateSteps(hi - lo)) {
                long first = (long) Math.floor(lo / step + EPS);
                long last = (long) Math.ceil(hi / step - EPS);
                long count = last - first + 1;
                if (count >= MIN_TICKS && count <= MAX_TICKS) {
                    double[] ticks = ticks(first, last, step);
                    return new Axis(ticks[0], ticks[ticks.length - 1], ticks, step);
                }
            }
            return fixed(lo, hi);
        }

        /** An axis spanning exactly {@code [lo, hi]} (such as Dice's 0..1), with nice ticks inside it. */
        static Axis fixed(double lo, double hi) {
            double[] range = nonEmpty(lo, hi);
            lo = range[0];
            hi = range[1];
            double best = Double.NaN;
            long bestMiss = Long.MAX_VALUE;
            for (double step : candidateSteps(hi - lo)) {
                long count = (long) Math.floor(hi / step + EPS) - (long) Math.ceil(lo / step - EPS) + 1;
                long miss = count < MIN_TICKS ? MIN_TICKS - count : Math.max(0, count - MAX_TICKS);
                if (miss < bestMiss) {
                    best = step;
                    bestMiss = miss;
                }
            }
            long first = (long) Math.ceil(lo / best - EPS);
            long last = (long) Math.floor(hi / best + EPS);
            return new Axis(lo, hi, ticks(first, last, best), best);
        }

        /** Formats a tick value with just the decimals its step needs. */
        String label(double value) {
            int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + EPS));
            return String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0);
        }

        /** Steps from coarse to fine, so the first acceptable one gives the fewest, most readable ticks. */
        private static double[] candidateSteps(double span) {
            int top = (int) Math.ceil(Math.log10(span)) + 1;
            double[] mantissas = {5, 2, 1};
            double[] steps = new double[5 * mantissas.length];
            int n = 0;
            for (int k = top; k > top - 5; k--) {
                for (double m : mantissas) {
                    // Multiplying by an exact power of ten keeps labels like 0.2 free of binary noise.
                    steps[n++] = k >= 0 ? m * Math.pow(10, k) : m / Math.pow(10, -k);
                }
            }
            return steps;
        }

        private static double[] ticks(long first, long last, double step) {
            double[] ticks = new double[(int) Math.max(0, last - first + 1)];
            for (int i = 0; i < ticks.length; i++) {
                long k = first + i;
                ticks[i] = step >= 1 ? k * step : k / Math.rint(1 / step);
            }
            return ticks;
        }

        private static double[] nonEmpty(double lo, double hi) {
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
                throw new IllegalArgumentException("axis range must be finite and ascending, got " + lo + ".." + hi);
            }
            if (hi - lo < Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9 || hi == lo) {
                // A single point or a constant series still needs a visible span around it.
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                return new double[] {lo - pad, hi + pad};
            }
            return new double[] {lo, hi};
        }
    }
}
