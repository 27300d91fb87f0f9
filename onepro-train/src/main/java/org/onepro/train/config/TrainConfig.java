package org.onepro.train.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.prompt.Quality;
import org.onepro.data.prompt.SegLabRadii;

/**
 * Everything that defines a training run, as plain JSON a user can read and edit ({@link TrainConfigJson}).
 * Two runs with equal configs and data produce equal models.
 *
 * @param dataRoots            folders of task folders (images/ + masks/, or imagesTr/ + labelsTr/)
 * @param preset               the model preset ({@code tiny}, {@code small}, {@code base}, {@code large})
 * @param initialModel         where a new run's weights start: empty for a seeded random initialisation, else the
 *                             name of a bundled model or a model folder of the same preset (fine-tuning)
 * @param steps                optimiser steps of the main stage
 * @param batchSize            episodes per step
 * @param learningRate         peak learning rate, reached after the warm-up
 * @param minLearningRate      learning rate at the end of the cosine decay
 * @param warmupSteps          steps of linear warm-up from 0
 * @param weightDecay          AdamW's decoupled weight decay
 * @param gradClipNorm         largest global L2 norm of the gradient; larger gradients are scaled down
 * @param promptTypes          prompt types episodes draw from
 * @param qualityMix           relative weights of simulated prompt qualities
 * @param syntheticRatio       share of episodes drawn from synthetic tasks, in [0, 1]
 * @param syntheticTasks       number of synthetic tasks
 * @param syntheticSamples     images per synthetic task
 * @param structureTasks       number of synthetic structure tasks (cell fields, vessel trees, thin layers, lesions in
 *                             an organ; {@code SyntheticTasks.structures}), drawn together with the shape tasks
 *                             (0: none, the bundled model's stages)
 * @param syntheticEveryStyle  label every object style of a synthetic scene as its own target, so one image holds
 *                             several targets and only the prompt tells which is meant
 * @param interactiveStart     share of interactive episodes (template = query) at step 0
 * @param interactiveEnd       share of interactive episodes after {@code interactiveAnnealSteps}
 * @param interactiveAnnealSteps steps over which the interactive share falls linearly
 * @param differentImage       probability that a cross-image episode's template is another image
 * @param templatesFromTrain   draw training templates from the train split as well as the template split, so a
 *                             task with few template images still pairs its queries with many templates
 * @param sharedFlips          mirror query and template together (one draw per episode) instead of each on its
 *                             own, so a template from the same scan stays aligned with its query
 * @param sharedAffine         also rotate, scale and shift query and template together, leaving each only a small
 *                             residual jitter of its own, so the pair keeps the geometric relation it had in the
 *                             data (needs {@code sharedFlips})
 * @param flipBeforeLetterbox  mirror the original images before they are letterboxed onto the model grid, as a
 *                             mirrored scan arrives at inference; off, the mirror also moves the letterbox padding
 *                             to the top or left, which the model learns to read as the orientation (on by
 *                             default; the configs of stages 1 to 11 turn it off to reproduce)
 * @param segLabRadii          how far rough SegLab prompts erode or dilate a target: {@code FIXED} pixel radii
 *                             (default, the bundled model's stages) or {@code THICKNESS_CAPPED} at half the
 *                             target's largest inside distance (docs/prompts.md)
 * @param taskWeights          relative weights of real tasks when an episode picks its task, by task name; a task
 *                             not named weighs 1, and an empty map draws tasks uniformly
 * @param heldOutTasks         real tasks this run must neither train nor validate on, as a task list
 *                             ({@code TaskSelection}: comma-separated names or {@code @FILE}, e.g. a fold of
 *                             {@code docs/evaluation.md}); empty for none
 * @param appearanceRandomisation probability that an episode's query and template share one random intensity
 *                             curve (inversions included) and each get a smooth bias field, so no intensity or
 *                             modality cue can be memorised (0: off, the bundled model's stages)
 * @param autoencoderSteps     steps of the SegLab mask autoencoder's pre-training stage (0 skips it)
 * @param validateEvery        steps between validations (0: only at the end)
 * @param validationQueries    largest number of val images per task and target in a validation
 * @param checkpointEvery      steps between checkpoints
 * @param keepCheckpoints      how many recent checkpoints to keep (the best model is kept separately)
 * @param workers              background threads assembling episodes
 * @param seed                 the seed of model initialisation, splits and the episode stream
 * @param outputDir            where checkpoints, logs, plots and the final model go
 */
public record TrainConfig(
        List<String> dataRoots,
        String preset,
        String initialModel,
        int steps,
        int batchSize,
        double learningRate,
        double minLearningRate,
        int warmupSteps,
        double weightDecay,
        double gradClipNorm,
        List<PromptType> promptTypes,
        Map<Quality, Double> qualityMix,
        double syntheticRatio,
        int syntheticTasks,
        int syntheticSamples,
        int structureTasks,
        boolean syntheticEveryStyle,
        double interactiveStart,
        double interactiveEnd,
        int interactiveAnnealSteps,
        double differentImage,
        boolean templatesFromTrain,
        boolean sharedFlips,
        boolean sharedAffine,
        boolean flipBeforeLetterbox,
        SegLabRadii segLabRadii,
        Map<String, Double> taskWeights,
        String heldOutTasks,
        double appearanceRandomisation,
        int autoencoderSteps,
        int validateEvery,
        int validationQueries,
        int checkpointEvery,
        int keepCheckpoints,
        int workers,
        long seed,
        String outputDir) {

    /** Checks every field; all problems are reported together. */
    public TrainConfig {
        dataRoots = dataRoots == null ? List.of() : List.copyOf(dataRoots);
        promptTypes = promptTypes == null ? List.of() : List.copyOf(promptTypes);
        qualityMix = qualityMix == null || qualityMix.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(qualityMix));
        taskWeights = taskWeights == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(taskWeights));
        initialModel = initialModel == null ? "" : initialModel;
        heldOutTasks = heldOutTasks == null ? "" : heldOutTasks.trim();
        List<String> problems = new ArrayList<>();
        if (dataRoots.isEmpty() && syntheticRatio < 1) {
            problems.add("dataRoots is empty but syntheticRatio is below 1 (real episodes need data)");
        }
        require(problems, preset != null && !preset.isBlank(), "preset is missing");
        require(problems, steps >= 1, "steps must be at least 1, not " + steps);
        require(problems, batchSize >= 1, "batchSize must be at least 1, not " + batchSize);
        require(problems, learningRate > 0 && Double.isFinite(learningRate), "learningRate must be positive");
        require(problems, minLearningRate >= 0 && minLearningRate <= learningRate,
                "minLearningRate must lie in [0, learningRate]");
        require(problems, warmupSteps >= 0, "warmupSteps must not be negative");
        require(problems, weightDecay >= 0, "weightDecay must not be negative");
        require(problems, gradClipNorm > 0, "gradClipNorm must be positive");
        require(problems, !promptTypes.isEmpty(), "promptTypes is empty");
        require(problems, !qualityMix.isEmpty(), "qualityMix is empty");
        require(problems, unit(syntheticRatio), "syntheticRatio must lie in [0, 1]");
        require(problems, syntheticTasks >= 0 && structureTasks >= 0,
                "syntheticTasks and structureTasks must not be negative");
        require(problems, syntheticRatio == 0 || (syntheticTasks + structureTasks >= 1 && syntheticSamples >= 2),
                "synthetic episodes need syntheticTasks + structureTasks >= 1 and syntheticSamples >= 2");
        require(problems, unit(interactiveStart) && unit(interactiveEnd), "interactive shares must lie in [0, 1]");
        require(problems, interactiveAnnealSteps >= 0, "interactiveAnnealSteps must not be negative");
        require(problems, unit(differentImage), "differentImage must lie in [0, 1]");
        require(problems, sharedFlips || !sharedAffine,
                "sharedAffine needs sharedFlips (a pair that shares its affine draw but not its mirroring would fall apart)");
        require(problems, segLabRadii != null,
                "segLabRadii must be one of " + Arrays.toString(SegLabRadii.values()));
        taskWeights.forEach((task, w) -> require(problems, w != null && w > 0 && Double.isFinite(w),
                "taskWeights." + task + " must be a positive number, not " + w));
        require(problems, unit(appearanceRandomisation), "appearanceRandomisation must lie in [0, 1]");
        require(problems, autoencoderSteps >= 0, "autoencoderSteps must not be negative");
        require(problems, validateEvery >= 0, "validateEvery must not be negative");
        require(problems, validationQueries >= 1, "validationQueries must be at least 1");
        require(problems, checkpointEvery >= 1, "checkpointEvery must be at least 1");
        require(problems, keepCheckpoints >= 1, "keepCheckpoints must be at least 1");
        require(problems, workers >= 1, "workers must be at least 1");
        require(problems, outputDir != null && !outputDir.isBlank(), "outputDir is missing");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid training config: " + String.join("; ", problems));
        }
    }

    private static boolean unit(double p) {
        return p >= 0 && p <= 1;
    }

    private static void require(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
    }

    /** This config with another step count (a finished run may be extended). */
    public TrainConfig withSteps(int newSteps) {
        return new TrainConfig(dataRoots, preset, initialModel, newSteps, batchSize, learningRate, minLearningRate, warmupSteps,
                weightDecay, gradClipNorm, promptTypes, qualityMix, syntheticRatio, syntheticTasks, syntheticSamples,
                structureTasks, syntheticEveryStyle, interactiveStart, interactiveEnd, interactiveAnnealSteps, differentImage, templatesFromTrain,
                sharedFlips, sharedAffine, flipBeforeLetterbox, segLabRadii, taskWeights, heldOutTasks,
                appearanceRandomisation, autoencoderSteps, validateEvery, validationQueries, checkpointEvery,
                keepCheckpoints, workers, seed, outputDir);
    }
}
