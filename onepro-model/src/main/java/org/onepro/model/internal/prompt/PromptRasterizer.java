package org.onepro.model.internal.prompt;

import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.Click;
import org.onepro.core.prompt.ClickPoint;
import org.onepro.core.prompt.Doodle;
import org.onepro.core.prompt.Point;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptRaster;
import org.onepro.core.prompt.SegLab;
import org.onepro.core.prompt.Stroke;
import org.onepro.core.transform.Letterbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Expresses a prompt given in original image pixels on the model's square input grid ({@link
 * EncodedPrompt}): positions of its parts, part rasters for the prompt embedder, and the two encoder
 * prompt channels of docs/model-contract.md §8.1.
 */
public final class PromptRasterizer {

    /** At most this many stroke samples represent one doodle part in the positional mean. */
    static final int MAX_STROKE_SAMPLES = 64;

    private final int size;
    private final double blobSigma;

    /** @param size the model's input side s */
    public PromptRasterizer(int size) {
        this.size = size;
        this.blobSigma = Math.max(1.0, size / 64.0);
    }

    /**
     * Encodes a prompt after validating it against the original image size.
     *
     * @param prompt the prompt in original pixel coordinates
     * @param geometry the letterbox that maps the original image onto the model grid
     */
    public EncodedPrompt encode(Prompt prompt, Letterbox geometry) {
        prompt.validate(geometry.originalHeight(), geometry.originalWidth());
        if (geometry.size() != size) {
            throw new IllegalArgumentException("letterbox is for size " + geometry.size() + ", model for " + size);
        }
        if (prompt instanceof Click click) {
            return encodeClick(click, geometry);
        } else if (prompt instanceof BBox box) {
            return encodeBox(box, geometry);
        } else if (prompt instanceof Doodle doodle) {
            return encodeDoodle(doodle, geometry);
        } else {
            return encodeSegLab((SegLab) prompt, geometry);
        }
    }

    private EncodedPrompt encodeClick(Click click, Letterbox g) {
        List<float[]> fg = new ArrayList<>();
        List<float[]> bg = new ArrayList<>();
        int plane = size * size;
        float[] rasters = new float[2 * plane];
        for (ClickPoint cp : click.points()) {
            Point p = g.mapPoint(cp.point());
            (cp.foreground() ? fg : bg).add(normalised(p));
            maxInto(rasters, cp.foreground() ? 0 : plane, PromptRaster.gaussianBlob(size, size, p.x(), p.y(), blobSigma));
        }
        return new EncodedPrompt(click.type(), fg, bg, rasters, rasters.clone(), null, size);
    }

    private EncodedPrompt encodeBox(BBox box, Letterbox g) {
        Point tl = g.mapPoint(box.topLeft());
        Point br = g.mapPoint(box.bottomRight());
        int plane = size * size;
        float[] rasters = new float[2 * plane];
        maxInto(rasters, 0, PromptRaster.gaussianBlob(size, size, tl.x(), tl.y(), blobSigma));
        maxInto(rasters, plane, PromptRaster.gaussianBlob(size, size, br.x(), br.y(), blobSigma));
        // The interior at half strength keeps the corners, the box's actual information, distinguishable.
        float[] channels = new float[2 * plane];
        float[] inside = PromptRaster.filledBox(size, size, tl.x(), tl.y(), br.x(), br.y());
        for (int i = 0; i < plane; i++) {
            channels[i] = Math.max(0.5f * inside[i], Math.max(rasters[i], rasters[plane + i]));
        }
        return new EncodedPrompt(box.type(), List.of(normalised(tl)), List.of(normalised(br)), rasters, channels,
                null, size);
    }

    private EncodedPrompt encodeDoodle(Doodle doodle, Letterbox g) {
        int plane = size * size;
        float[] rasters = new float[2 * plane];
        double offset = 0.5 * g.scale() - 0.5;
        System.arraycopy(PromptRaster.strokes(size, size, doodle.strokes(), true, g.scale(), offset, offset), 0,
                rasters, 0, plane);
        System.arraycopy(PromptRaster.strokes(size, size, doodle.strokes(), false, g.scale(), offset, offset), 0,
                rasters, plane, plane);
        return new EncodedPrompt(doodle.type(), strokeSamples(doodle, true, g), strokeSamples(doodle, false, g),
                rasters, rasters.clone(), null, size);
    }

    private EncodedPrompt encodeSegLab(SegLab segLab, Letterbox g) {
        Mask mask = g.apply(segLab.mask());
        int plane = size * size;
        float[] m = new float[plane];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                m[y * size + x] = mask.get(y, x) ? 1f : 0f;
            }
        }
        float[] channels = new float[2 * plane];
        System.arraycopy(m, 0, channels, 0, plane);
        return new EncodedPrompt(segLab.type(), List.of(), List.of(), new float[2 * plane], channels, m, size);
    }

    /** Points spaced evenly along the strokes of one polarity, at most {@link #MAX_STROKE_SAMPLES}. */
    private List<float[]> strokeSamples(Doodle doodle, boolean foreground, Letterbox g) {
        double total = 0;
        for (Stroke s : doodle.strokes()) {
            if (s.foreground() != foreground) {
                continue;
            }
            for (int i = 0; i + 1 < s.points().size(); i++) {
                total += distance(s.points().get(i), s.points().get(i + 1));
            }
        }
        if (total == 0) {
            return List.of();
        }
        double step = total / MAX_STROKE_SAMPLES;
        List<float[]> samples = new ArrayList<>();
        double carried = 0;
        for (Stroke s : doodle.strokes()) {
            if (s.foreground() != foreground) {
                continue;
            }
            for (int i = 0; i + 1 < s.points().size(); i++) {
                Point a = s.points().get(i);
                Point b = s.points().get(i + 1);
                double len = distance(a, b);
                double t = carried;
                while (t < len && samples.size() < MAX_STROKE_SAMPLES) {
                    double f = len == 0 ? 0 : t / len;
                    Point p = new Point(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()));
                    samples.add(normalised(g.mapPoint(p)));
                    t += step;
                }
                carried = t - len;
            }
        }
        return samples;
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private float[] normalised(Point gridPoint) {
        return new float[] {(float) ((gridPoint.x() + 0.5) / size), (float) ((gridPoint.y() + 0.5) / size)};
    }

    private static void maxInto(float[] target, int offset, float[] source) {
        for (int i = 0; i < source.length; i++) {
            target[offset + i] = Math.max(target[offset + i], source[i]);
        }
    }
}
