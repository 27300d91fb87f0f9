package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out one image's objects: targets and distractors at random positions, sizes and orientations, painted in
 * a random order. Layouts that break the task's promises are redrawn: the visible target must cover
 * {@value #MIN_TARGET_FRACTION} to {@value #MAX_TARGET_FRACTION} of the image, and every target instance must keep
 * at least {@value #MIN_VISIBLE} of its area uncovered by objects painted after it.
 */
final class ScenePlanner {

    static final double MIN_TARGET_FRACTION = 0.005;
    static final double MAX_TARGET_FRACTION = 0.6;
    static final double MIN_VISIBLE = 0.7;

    // Acceptance is well above one in ten for every spec the sampler draws, so this bound is never reached in
    // practice; it only turns a hand-made impossible spec into an error instead of an endless loop.
    private static final int MAX_ATTEMPTS = 500;

    /** Compact shapes keep their centres this far (as a fraction of the side) from the border. */
    private static final double MARGIN = 0.12;
    /** Tubes are centred nearer the middle, since they extend far from their centre anyway. */
    private static final double TUBE_MARGIN = 0.25;

    private ScenePlanner() {
    }

    /**
     * Plans a scene.
     *
     * @param spec the task
     * @param rng  the sample's generator
     * @return a scene that keeps the task's promises
     * @throws IllegalStateException if no valid layout turned up in {@value #MAX_ATTEMPTS} attempts
     */
    static Scene plan(SyntheticTaskSpec spec, SplittableRandom rng) {
        int size = spec.imageSize();
        double area = (double) size * size;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<PlacedObject> targets = place(spec.target(), PlacedObject.TARGET, size, rng);
            // Checking the targets alone first avoids rasterising distractors for a hopeless layout.
            double union = labelledFraction(targets, size);
            if (union < MIN_TARGET_FRACTION || union > MAX_TARGET_FRACTION) {
                continue;
            }
            List<PlacedObject> objects = new ArrayList<>(targets);
            for (int k = 0; k < spec.distractors().size(); k++) {
                objects.addAll(place(spec.distractors().get(k), PlacedObject.TARGET + 1 + k, size, rng));
            }
            shuffle(objects, rng);
            Scene scene = new Scene(size, objects);
            if (targetsVisible(scene)) {
                double fraction = count(scene.labels()) / area;
                if (fraction >= MIN_TARGET_FRACTION && fraction <= MAX_TARGET_FRACTION) {
                    return scene;
                }
            }
        }
        throw new IllegalStateException("no layout of " + spec.target().kind() + " targets kept them visible and "
                + "between " + MIN_TARGET_FRACTION + " and " + MAX_TARGET_FRACTION + " of a " + size + "x" + size
                + " image in " + MAX_ATTEMPTS + " attempts");
    }

    private static List<PlacedObject> place(ObjectStyle style, int label, int size, SplittableRandom rng) {
        int count = rng.nextInt(style.minCount(), style.maxCount() + 1);
        double margin = (style.kind() == ShapeKind.TUBE ? TUBE_MARGIN : MARGIN) * size;
        List<PlacedObject> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double cx = rng.nextDouble(margin, size - margin);
            double cy = rng.nextDouble(margin, size - margin);
            double radius = rng.nextDouble(style.minSize(), Math.nextUp(style.maxSize())) * size;
            Shape shape = Shapes.create(style.kind(), cx, cy, radius, rng.nextDouble(0, 2 * Math.PI), rng);
            out.add(new PlacedObject(shape, style.appearance(), label, ShapeRasterizer.coverage(shape, size, size)));
        }
        return out;
    }

    /** Every target keeps enough of its own label pixels as the topmost object. */
    private static boolean targetsVisible(Scene scene) {
        int[] owner = scene.topmost();
        List<PlacedObject> objects = scene.objects();
        int[] visible = new int[objects.size()];
        for (int o : owner) {
            if (o >= 0) {
                visible[o]++;
            }
        }
        for (int k = 0; k < objects.size(); k++) {
            if (objects.get(k).target()) {
                int own = count(ShapeRasterizer.label(objects.get(k).coverage()));
                if (own == 0 || visible[k] < MIN_VISIBLE * own) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double labelledFraction(List<PlacedObject> objects, int size) {
        boolean[] union = new boolean[size * size];
        for (PlacedObject o : objects) {
            float[] c = o.coverage();
            for (int i = 0; i < union.length; i++) {
                union[i] |= c[i] >= ShapeRasterizer.LABEL_THRESHOLD;
            }
        }
        return count(union) / ((double) size * size);
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    private static int count(int[] labels) {
        int n = 0;
        for (int v : labels) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }

    private static void shuffle(List<PlacedObject> objects, SplittableRandom rng) {
        for (int i = objects.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            PlacedObject t = objects.get(i);
            objects.set(i, objects.get(j));
            objects.set(j, t);
        }
    }
}
