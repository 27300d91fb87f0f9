package org.onepro.app.serve;

import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.mask.ProbabilityMap;
import org.onepro.core.transform.PercentileNormalizer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** The PNGs the page shows: images contrast-stretched for display, and transparent mask and variance overlays. */
final class Pictures {

    private static final int FILL = 0x66FF5A19;
    private static final int EDGE = 0xFFFF5A19;

    private Pictures() {
    }

    /** An image as the model sees its contrast (0.5/99.5 percentiles), so CT and 16-bit images are readable. */
    static byte[] display(Image image) {
        Image shown = PercentileNormalizer.DEFAULT.apply(image);
        return png(shown.withChannels(shown.channels() == 1 ? 1 : 3).toBufferedImage());
    }

    /** A mask as a transparent PNG: a tinted fill and an opaque outline. */
    static String maskOverlay(Mask mask) {
        int h = mask.height();
        int w = mask.width();
        boolean[] m = mask.data();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (m[i]) {
                    boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || !m[i - 1] || !m[i + 1]
                            || !m[i - w] || !m[i + w];
                    img.setRGB(x, y, edge ? EDGE : FILL);
                }
            }
        }
        return dataUrl(png(img));
    }

    /** A per-pixel variance as a transparent heat map: more opaque and yellower where templates disagree. */
    static String varianceOverlay(ProbabilityMap variance) {
        int h = variance.height();
        int w = variance.width();
        float[] v = variance.data();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < v.length; i++) {
            // A Bernoulli variance is at most 0.25.
            float t = Math.min(1f, v[i] * 4f);
            int alpha = Math.round(220 * t);
            int green = Math.round(255 * t);
            img.setRGB(i % w, i / w, alpha << 24 | 0xFF << 16 | green << 8 | 0x20);
        }
        return dataUrl(png(img));
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
