package org.onepro.train.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.augment.Augmentation;
import org.onepro.data.dataset.DatasetRoot;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.SplitFractions;
import org.onepro.data.dataset.Splits;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.dataset.TaskSelection;
import org.onepro.data.episode.EpisodeMix;
import org.onepro.data.episode.EpisodeSampler;
import org.onepro.data.episode.EpisodeSource;
import org.onepro.data.prompt.Quality;
import org.onepro.data.synthetic.SyntheticTask;
import org.onepro.data.synthetic.SyntheticTasks;
import org.onepro.data.transform.Preprocess;
import org.onepro.data.transform.Transform;
import org.onepro.train.config.TrainConfig;

/**
 * The data of a run, derived from its config: the real tasks under the data roots, the synthetic tasks (shape
 * scenes and structure families), one split of all of them, and the episode source mixing both at the configured
 * ratio.
 *
 * @param realTasks      the tasks under the data roots
 * @param syntheticTasks the generated tasks
 * @param splits         the template/train/val/test split of every task
 */
public record TrainingData(List<TaskDataset> realTasks, List<TaskDataset> syntheticTasks, Splits splits) {

    /** Opens the data roots and generates the synthetic tasks; splits are made from the seed. */
    public static TrainingData open(TrainConfig config, int imageSize) {
        return open(config, imageSize, null);
    }

    /**
     * As {@link #open(TrainConfig, int)}, but with the splits of a resumed run.
     *
     * @param splits the saved splits, or null to create them
     */
    public static TrainingData open(TrainConfig config, int imageSize, Splits splits) {
        List<TaskDataset> real = config.dataRoots().isEmpty() ? List.of()
                : DatasetRoot.open(config.dataRoots().stream().map(Path::of).toList());
        if (!config.heldOutTasks().isEmpty()) {
            real = TaskSelection.exclude(real, TaskSelection.parse(config.heldOutTasks()));
        }
        List<TaskDataset> synthetic = config.syntheticRatio() > 0
                ? SyntheticTasks.create(config.syntheticTasks(), config.syntheticSamples(), imageSize, config.seed())
                : List.of();
        // Every object style of a scene is its own target, so only the prompt tells which one is meant.
        synthetic = synthetic.stream().map(t -> (TaskDataset) ((SyntheticTask) t).everyStyleLabelled()).toList();
        if (config.syntheticRatio() > 0 && config.structureTasks() > 0) {
            synthetic = new ArrayList<>(synthetic);
            synthetic.addAll(SyntheticTasks.structures(config.structureTasks(), config.syntheticSamples(), imageSize,
                    config.seed()));
        }
        List<TaskDataset> all = new ArrayList<>(real);
        all.addAll(synthetic);
        Splits s = splits != null ? splits : Splits.create(all, SplitFractions.DEFAULT, config.seed());
        return new TrainingData(List.copyOf(real), synthetic, s);
    }

    /** The tasks validation measures: the real ones, or the synthetic ones when a run has no real data. */
    public List<TaskDataset> validationTasks() {
        return realTasks.isEmpty() ? syntheticTasks : realTasks;
    }

    /** The training episodes: real and synthetic tasks mixed at the configured ratio. */
    public EpisodeSource episodes(TrainConfig config, int size, int channels) {
        long interactiveEpisodes = (long) config.interactiveAnnealSteps() * config.batchSize();
        if (realTasks.isEmpty() && !config.taskWeights().isEmpty()) {
            throw new InvalidInputException("taskWeights names tasks " + config.taskWeights().keySet()
                    + ", but the run has no real data to draw them from");
        }
        EpisodeSource real = realTasks.isEmpty() ? null : sampler(realTasks, config, size, channels,
                interactiveEpisodes, config.seed()).optTaskWeights(config.taskWeights()).build();
        EpisodeSource synthetic = syntheticTasks.isEmpty() ? null : sampler(syntheticTasks, config, size, channels,
                interactiveEpisodes, config.seed() + 1).build();
        if (real == null) {
            return synthetic;
        }
        if (synthetic == null) {
            return real;
        }
        return new EpisodeMix(real, synthetic, config.syntheticRatio(), config.seed() + 2);
    }

    private EpisodeSampler.Builder sampler(List<TaskDataset> tasks, TrainConfig config, int size, int channels,
            long interactiveEpisodes, long seed) {
        Map<Quality, Double> mix = config.qualityMix();
        Map<String, List<String>> templates = new HashMap<>();
        tasks.forEach(t -> templates.put(t.name(), splits.ids(t.name(), Split.TEMPLATE)));
        EpisodeSampler.Builder builder = EpisodeSampler.builder()
                .setTasks(tasks)
                .setTemplateIds(templates::get)
                .setQueryIds(t -> splits.ids(t, Split.TRAIN))
                .optPromptTypes(java.util.EnumSet.copyOf(config.promptTypes()))
                .optQualityMix(mix)
                .optDifferentImageProbability(config.differentImage())
                .optInteractiveProbability(config.interactiveStart(), config.interactiveEnd(), interactiveEpisodes)
                .optPreprocess(Preprocess.forModel(size, channels))
                .optSeed(seed);
        // Query and template are mirrored together on the original images (as a mirrored scan arrives), then
        // rotated, scaled and shifted together with a small jitter of their own, so a pair keeps its relation.
        builder.optOrientation(Augmentation.mirrors(), true);
        Transform shared = Augmentation.sharedPose();
        Transform own = Augmentation.residualJitter();
        double appearance = config.appearanceRandomisation();
        if (appearance > 0) {
            Transform curve = Augmentation.sharedAppearance(appearance);
            shared = shared == null ? curve : shared.then(curve);
            own = own.then(Augmentation.shading(appearance));
        }
        if (shared != null) {
            // Set only when there is one: a shared step, even one that changes nothing, draws its own stream.
            builder.optSharedAugment(shared);
        }
        builder.optAugment(own);
        return builder;
    }
}
