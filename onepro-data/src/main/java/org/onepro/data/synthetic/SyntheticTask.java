package org.onepro.data.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;

/**
 * A generated task: every sample is built on demand from the task's seed and the sample's index alone, so a
 * sample is the same whichever order, thread or instance loads it. Images have one channel in {@code [0, 1]};
 * labels are 1 on the visible parts of target objects and 0 elsewhere, distractors included.
 */
public final class SyntheticTask implements TaskDataset {

    private final int index;
    private final SyntheticTaskSpec spec;
    private final List<String> ids;
    private final boolean everyStyle;

    /**
     * Creates a task.
     *
     * @param index       the task's number, which names it {@code synthetic-<index>}
     * @param spec        what the task's scenes look like
     * @param sampleCount how many samples it holds, positive
     */
    public SyntheticTask(int index, SyntheticTaskSpec spec, int sampleCount) {
        this(index, spec, sampleCount, false);
    }

    private SyntheticTask(int index, SyntheticTaskSpec spec, int sampleCount, boolean everyStyle) {
        this.index = index;
        this.spec = spec;
        this.ids = SampleIds.of("synthetic-" + index, sampleCount);
        this.everyStyle = everyStyle;
    }

    /**
     * The same scenes with every object style labelled: label 1 for the target style as before, {@code 2 + k} for
     * distractor style {@code k} (where it is visible). The same image then holds several targets and only a prompt
     * says which one is meant, the situation that teaches a model to use its prompt (docs/model-contract.md §8.3).
     *
     * @return the multi-target task, named {@code synthetic-<index>-all}
     */
    public SyntheticTask everyStyleLabelled() {
        return new SyntheticTask(index, spec, ids.size(), true);
    }

    /**
     * Returns the spec the samples are drawn from.
     *
     * @return the spec
     */
    public SyntheticTaskSpec spec() {
        return spec;
    }

    /**
     * Returns the task's number.
     *
     * @return the index given at construction
     */
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return "synthetic-" + index + (everyStyle ? "-all" : "");
    }

    @Override
    public List<String> ids() {
        return ids;
    }

    @Override
    public LabeledImage load(String id) {
        int sample = SampleIds.index(name(), ids, id);
        SplittableRandom rng = new SplittableRandom(Seeds.mix(spec.sampleSeed(), sample));
        Scene scene = ScenePlanner.plan(spec, rng);
        float[] pixels = SceneRenderer.render(spec, scene, rng);
        int size = spec.imageSize();
        return LabeledImage.of(name(), id, Image.of(pixels, 1, size, size),
                LabelMap.of(everyStyle ? scene.styleLabels() : scene.labels(), size, size));
    }
}
