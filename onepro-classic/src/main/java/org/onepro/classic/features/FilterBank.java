package org.onepro.classic.features;

import java.util.ArrayList;
import java.util.List;
import org.onepro.classic.grid.Gaussian;
import org.onepro.classic.grid.Grid;
import org.onepro.core.image.Image;

/**
 * The pixel features of ilastik's and Trainable Weka Segmentation's pixel classification: at each scale σ in
 * {0.7, 1, 1.6, 3.5, 5, 10} pixels, the Gaussian-smoothed intensity, the gradient magnitude, the Laplacian of
 * Gaussian, the two Hessian eigenvalues and the two structure-tensor eigenvalues (gradient at σ/2, averaged at
 * σ), on the grey level; the raw grey level; for colour images the smoothed intensity of each channel as well;
 * and the pixel's position (row and column divided by the image's height and width), which ties a target to
 * where the template holds it. Intensities are first normalised by the image's own 0.5 / 99.5 percentiles, so a
 * template and a query of one task share a range.
 */
public final class FilterBank {

    /** The scales, in pixels of the image the bank runs on. */
    static final double[] SCALES = {0.7, 1.0, 1.6, 3.5, 5.0, 10.0};

    private FilterBank() {
    }

    /**
     * The number of features for images of a channel count.
     *
     * @param channels 1 (grey) or more (colour)
     * @return the feature count
     */
    public static int count(int channels) {
        int perScale = 7 + (channels > 1 ? channels : 0);
        return 1 + (channels > 1 ? channels : 0) + SCALES.length * perScale + 2;
    }

    /**
     * Computes the features of every pixel.
     *
     * @param image the image, at the size to classify
     * @return {@code count(channels)} feature planes of {@code height * width} values each
     */
    public static float[][] compute(Image image) {
        Grid grey = Grid.grey(image).normalised(0.5, 99.5);
        List<Grid> colours = new ArrayList<>();
        if (image.channels() > 1) {
            for (int c = 0; c < image.channels(); c++) {
                colours.add(Grid.channel(image, c).normalised(0.5, 99.5));
            }
        }
        List<float[]> planes = new ArrayList<>();
        planes.add(grey.data());
        colours.forEach(c -> planes.add(c.data()));
        for (double s : SCALES) {
            Grid g = Gaussian.smooth(grey, s);
            planes.add(g.data());
            colours.forEach(c -> planes.add(Gaussian.smooth(c, s).data()));
            float[] gx = Gaussian.derivative(grey, s, 0, 1).data();
            float[] gy = Gaussian.derivative(grey, s, 1, 0).data();
            float[] hxx = Gaussian.derivative(grey, s, 0, 2).data();
            float[] hyy = Gaussian.derivative(grey, s, 2, 0).data();
            float[] hxy = Gaussian.derivative(grey, s, 1, 1).data();
            int n = gx.length;
            float[] magnitude = new float[n];
            float[] log = new float[n];
            for (int i = 0; i < n; i++) {
                magnitude[i] = (float) Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
                log[i] = hxx[i] + hyy[i];
            }
            planes.add(magnitude);
            planes.add(log);
            addEigenvalues(planes, hxx, hxy, hyy);
            double inner = s / 2;
            float[] ix = Gaussian.derivative(grey, inner, 0, 1).data();
            float[] iy = Gaussian.derivative(grey, inner, 1, 0).data();
            float[] xx = new float[n];
            float[] xy = new float[n];
            float[] yy = new float[n];
            for (int i = 0; i < n; i++) {
                xx[i] = ix[i] * ix[i];
                xy[i] = ix[i] * iy[i];
                yy[i] = iy[i] * iy[i];
            }
            int h = image.height();
            int w = image.width();
            addEigenvalues(planes, Gaussian.smooth(new Grid(xx, h, w), s).data(),
                    Gaussian.smooth(new Grid(xy, h, w), s).data(), Gaussian.smooth(new Grid(yy, h, w), s).data());
        }
        planes.add(position(image.height(), image.width(), true));
        planes.add(position(image.height(), image.width(), false));
        return planes.toArray(new float[0][]);
    }

    /** The larger and the smaller eigenvalue of the symmetric 2x2 matrices {@code [[a, b], [b, c]]}. */
    private static void addEigenvalues(List<float[]> planes, float[] a, float[] b, float[] c) {
        float[] large = new float[a.length];
        float[] small = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            double mean = 0.5 * (a[i] + c[i]);
            double root = Math.sqrt(0.25 * (a[i] - c[i]) * (a[i] - c[i]) + b[i] * b[i]);
            large[i] = (float) (mean + root);
            small[i] = (float) (mean - root);
        }
        planes.add(large);
        planes.add(small);
    }

    private static float[] position(int h, int w, boolean rows) {
        float[] p = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = rows ? (y + 0.5f) / h : (x + 0.5f) / w;
            }
        }
        return p;
    }
}
