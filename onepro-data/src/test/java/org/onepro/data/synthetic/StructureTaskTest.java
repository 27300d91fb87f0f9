package org.onepro.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;

class StructureTaskTest {

    private static final int SIZE = 128;
    private static final int TASKS = 6;
    private static final int SAMPLES = 4;

    /** Every sample of {@value #TASKS} tasks of one family, at {@value #SIZE} pixels. */
    private static void eachSample(StructureFamily family, Consumer<LabeledImage> check) {
        for (int t = 0; t < TASKS; t++) {
            StructureTask task = StructureTask.create(t, family, SIZE, SAMPLES, 1000L * t + family.ordinal());
            task.ids().forEach(id -> check.accept(task.load(id)));
        }
    }

    @ParameterizedTest
    @EnumSource(StructureFamily.class)
    void everySampleHoldsItsTargetAndValidIntensities(StructureFamily family) {
        eachSample(family, sample -> {
            int[] labels = sample.labels().data();
            int target = count(labels, 1);
            assertTrue(target >= 4, family + " sample " + sample.id() + " has only " + target + " target pixels");
            assertTrue(target < 0.6 * labels.length, family + " target covers " + target + " pixels");
            for (float v : sample.image().data()) {
                assertTrue(v >= 0 && v <= 1, "intensity " + v);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(StructureFamily.class)
    void eachLabelIsPaintedDifferentlyFromTheBackground(StructureFamily family) {
        eachSample(family, sample -> {
            float[] image = sample.image().data();
            int[] labels = sample.labels().data();
            double background = mean(image, labels, 0);
            double target = mean(image, labels, 1);
            // The drawn means are at least 0.1 apart; speckle, bias and noise move the measured ones a little.
            assertTrue(Double.isNaN(background) || Math.abs(target - background) > 0.03,
                    family + " target mean " + target + " against background " + background);
        });
    }

    @Test
    void everyTwoLabelsGetMeansAtLeastTheGapApart() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (int maxLabel = 1; maxLabel <= 7; maxLabel++) {
            double gap = Math.min(0.15, 0.8 / (maxLabel + 1));
            for (int draw = 0; draw < 200; draw++) {
                StructureLook look = StructureLook.sample(maxLabel, rng);
                double[] means = new double[maxLabel + 1];
                for (int k = 0; k <= maxLabel; k++) {
                    means[k] = look.level() + look.looks()[k].intensityOffset();
                    assertTrue(means[k] >= 0.08 - 1e-9 && means[k] <= 0.92 + 1e-9, "mean " + means[k]);
                }
                for (int a = 0; a <= maxLabel; a++) {
                    for (int b = a + 1; b <= maxLabel; b++) {
                        assertTrue(Math.abs(means[a] - means[b]) >= gap - 1e-9,
                                maxLabel + " labels: means " + means[a] + " and " + means[b]);
                    }
                }
            }
        }
    }

    @Test
    void cellFieldsHoldManySeparateCells() {
        eachSample(StructureFamily.CELL_FIELD, sample -> {
            int cells = components(sample.labels().data(), 1);
            assertTrue(cells >= 6, "a cell field of " + cells + " cells");
        });
    }

    @Test
    void vesselsAreThinAndConnectedPerRoot() {
        eachSample(StructureFamily.VESSEL_TREE, sample -> {
            int[] labels = sample.labels().data();
            int vessel = count(labels, 1);
            int deep = deepPixels(labels, 1, 4);
            assertTrue(deep < 0.05 * vessel, deep + " of " + vessel + " vessel pixels lie 4 pixels inside");
            assertTrue(components(labels, 1) <= 3, "three trees at most, not " + components(labels, 1) + " pieces");
        });
    }

    @Test
    void layersSpanTheImage() {
        eachSample(StructureFamily.LAYERED_BANDS, sample -> {
            int[] labels = sample.labels().data();
            int rows = 0;
            int columns = 0;
            for (int i = 0; i < SIZE; i++) {
                boolean inRow = false;
                boolean inColumn = false;
                for (int j = 0; j < SIZE; j++) {
                    inRow |= labels[i * SIZE + j] == 1;
                    inColumn |= labels[j * SIZE + i] == 1;
                }
                rows += inRow ? 1 : 0;
                columns += inColumn ? 1 : 0;
            }
            assertEquals(SIZE, Math.max(rows, columns), "the target layer crosses the whole image");
            assertTrue(Math.min(rows, columns) < 0.5 * SIZE, "and is thin the other way");
        });
    }

    @Test
    void lesionsLieInsideTheirOrgan() {
        eachSample(StructureFamily.LESIONS, sample -> {
            int[] labels = sample.labels().data();
            int lesion = count(labels, 1);
            int touching = 0;
            for (int y = 1; y < SIZE - 1; y++) {
                for (int x = 1; x < SIZE - 1; x++) {
                    if (labels[y * SIZE + x] == 1 && (labels[y * SIZE + x - 1] == 0 || labels[y * SIZE + x + 1] == 0
                            || labels[(y - 1) * SIZE + x] == 0 || labels[(y + 1) * SIZE + x] == 0)) {
                        touching++;
                    }
                }
            }
            assertTrue(touching <= 0.05 * lesion, touching + " of " + lesion + " lesion pixels touch the background");
            assertTrue(count(labels, 2) > 4 * lesion, "the organ is much larger than its lesions");
        });
    }

    @Test
    void aSampleDependsOnTheSeedAndIndexAlone() {
        List<TaskDataset> a = SyntheticTasks.structures(8, 3, 64, 5);
        List<TaskDataset> b = SyntheticTasks.structures(5, 3, 64, 5);
        assertEquals(a.get(4).name(), b.get(4).name());
        assertEquals(a.get(4).load("0002"), b.get(4).load("0002"));
        assertNotEquals(a.get(4).load("0002").image(), a.get(4).load("0001").image());
        assertNotEquals(a.get(4).load("0002").image(),
                SyntheticTasks.structures(5, 3, 64, 6).get(4).load("0002").image());
        assertEquals("structure-lesions-7", a.get(7).name());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(InvalidInputException.class, () -> SyntheticTasks.structures(-1, 3, 64, 1));
        assertThrows(InvalidInputException.class, () -> StructureTask.create(0, StructureFamily.CELL_FIELD, 16, 3, 1));
        assertThrows(InvalidInputException.class, () -> StructureTask.create(0, StructureFamily.CELL_FIELD, 64, 0, 1));
        StructureTask task = StructureTask.create(0, StructureFamily.CELL_FIELD, 64, 3, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> task.load("3"));
        assertTrue(e.getMessage().contains("structure-cell-field-0 has no sample '3'"), e.getMessage());
    }

    private static int count(int[] labels, int label) {
        int n = 0;
        for (int v : labels) {
            n += v == label ? 1 : 0;
        }
        return n;
    }

    private static double mean(float[] image, int[] labels, int label) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                sum += image[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** 4-connected pieces of one label. */
    private static int components(int[] labels, int label) {
        boolean[] seen = new boolean[labels.length];
        int pieces = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < labels.length; start++) {
            if (labels[start] != label || seen[start]) {
                continue;
            }
            pieces++;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % SIZE;
                int y = p / SIZE;
                int[] next = {x > 0 ? p - 1 : -1, x < SIZE - 1 ? p + 1 : -1, y > 0 ? p - SIZE : -1,
                    y < SIZE - 1 ? p + SIZE : -1};
                for (int q : next) {
                    if (q >= 0 && !seen[q] && labels[q] == label) {
                        seen[q] = true;
                        queue.add(q);
                    }
                }
            }
        }
        return pieces;
    }

    /** Pixels of a label whose whole square neighbourhood of radius {@code r} holds that label. */
    private static int deepPixels(int[] labels, int label, int r) {
        int n = 0;
        for (int y = r; y < SIZE - r; y++) {
            for (int x = r; x < SIZE - r; x++) {
                boolean deep = true;
                for (int dy = -r; dy <= r && deep; dy++) {
                    for (int dx = -r; dx <= r && deep; dx++) {
                        deep = labels[(y + dy) * SIZE + x + dx] == label;
                    }
                }
                n += deep ? 1 : 0;
            }
        }
        return n;
    }
}
