package org.onepro.data.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;

/**
 * A generated task of one {@link StructureFamily}: cells, vessel trees, thin layers or lesions in an organ, each
 * structure labelled (1 always present, then 2, 3, ...), painted with per-task random intensities and textures.
 * Like {@link SyntheticTask}, a sample is built from the task's seed and its index alone, so it is the same in any
 * order, thread or process.
 */
public final class StructureTask implements TaskDataset {

    private final String name;
    private final int imageSize;
    private final StructureLayout layout;
    private final StructureLook look;
    private final long sampleSeed;
    private final List<String> ids;

    private StructureTask(String name, int imageSize, StructureLayout layout, StructureLook look, long sampleSeed,
            int sampleCount) {
        this.name = name;
        this.imageSize = imageSize;
        this.layout = layout;
        this.look = look;
        this.sampleSeed = sampleSeed;
        this.ids = SampleIds.of(name, sampleCount);
    }

    /**
     * Draws a task.
     *
     * @param index       the task's number, part of its name {@code structure-<family>-<index>}
     * @param family      what structures its scenes hold
     * @param imageSize   the side of its square images, at least {@value SyntheticTaskSpec#MIN_IMAGE_SIZE}
     * @param sampleCount how many samples it holds, positive
     * @param seed        the task's seed: equal seeds give equal tasks
     * @return the task
     */
    public static StructureTask create(int index, StructureFamily family, int imageSize, int sampleCount,
            long seed) {
        if (imageSize < SyntheticTaskSpec.MIN_IMAGE_SIZE) {
            throw new InvalidInputException("structure images must be at least " + SyntheticTaskSpec.MIN_IMAGE_SIZE
                    + " pixels wide, was " + imageSize);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        StructureLayout layout = StructureLayout.sample(family, rng);
        StructureLook look = StructureLook.sample(layout.maxLabel(), rng);
        String name = "structure-" + family.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + index;
        return new StructureTask(name, imageSize, layout, look, rng.nextLong(), sampleCount);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> ids() {
        return ids;
    }

    @Override
    public LabeledImage load(String id) {
        int sample = SampleIds.index(name, ids, id);
        SplittableRandom rng = new SplittableRandom(Seeds.mix(sampleSeed, sample));
        int[] labels = layout.draw(imageSize, rng);
        float[] pixels = look.render(labels, imageSize, rng);
        return LabeledImage.of(name, id, Image.of(pixels, 1, imageSize, imageSize),
                LabelMap.of(labels, imageSize, imageSize));
    }
}
