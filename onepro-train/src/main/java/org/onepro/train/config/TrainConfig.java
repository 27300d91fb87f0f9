package org.onepro.train.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.prompt.Quality;
import org.onepro.model.internal.Devices;

/**
 * Everything that defines a training run, as plain JSON a user can read and edit ({@link TrainConfigJson}).
 * Two runs with equal configs and data produce equal models. What every run does the same way is not a field:
 * episodes mirror query and template together, on the original images before the letterbox, and rotate, scale
 * and shift them together with a small residual jitter each; every object style of a synthetic scene is its own
 * target; templates come from the template split; rough SegLab prompts use fixed radii (docs/training.md).
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
 *                             (0: none)
 * @param interactiveStart     share of interactive episodes (template = query) at step 0
 * @param interactiveEnd       share of interactive episodes after {@code interactiveAnnealSteps}
 * @param interactiveAnnealSteps steps over which the interactive share falls linearly
 * @param differentImage       probability that a cross-image episode's template is another image
 * @param taskWeights          relative weights of real tasks when an episode picks its task, by task name; a task
 *                             not named weighs 1, and an empty map draws tasks uniformly
 * @param heldOutTasks         real tasks this run must neither train nor validate on, as a task list
 *                             ({@code TaskSelection}: comma-separated names or {@code @FILE}, e.g. a fold of
 *                             {@code docs/evaluation.md}); empty for none
 * @param appearanceRandomisation probability that an episode's query and template share one random intensity
 *                             curve (inversions included) and each get a smooth bias field, so no intensity or
 *                             modality cue can be memorised (0: off)
 * @param autoencoderSteps     steps of the SegLab mask autoencoder's pre-training stage of a run from scratch (0
 *                             skips it; a run with an {@code initialModel} starts from a trained one and skips it)
 * @param validateEvery        steps between validations (0: only at the end)
 * @param validationQueries    largest number of val images per task and target in a validation
 * @param checkpointEvery      steps between checkpoints
 * @param keepCheckpoints      how many recent checkpoints to keep (the best model is kept separately)
 * @param workers              background threads assembling episodes
 * @param device               where the model trains: {@code cpu} (default), {@code gpu} or {@code gpu:N} (a GPU needs
 *                             the CUDA build, docs/platforms.md); a run may resume on another device
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
        double interactiveStart,
        double interactiveEnd,
        int interactiveAnnealSteps,
        double differentImage,
        Map<String, Double> taskWeights,
        String heldOutTasks,
        double appearanceRandomisation,
        int autoencoderSteps,
        int validateEvery,
        int validationQueries,
        int checkpointEvery,
        int keepCheckpoints,
        int workers,
        String device,
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
        taskWeights.forEach((task, w) -> require(problems, w != null && w > 0 && Double.isFinite(w),
                "taskWeights." + task + " must be a positive number, not " + w));
        require(problems, unit(appearanceRandomisation), "appearanceRandomisation must lie in [0, 1]");
        require(problems, autoencoderSteps >= 0, "autoencoderSteps must not be negative");
        require(problems, validateEvery >= 0, "validateEvery must not be negative");
        require(problems, validationQueries >= 1, "validationQueries must be at least 1");
        require(problems, checkpointEvery >= 1, "checkpointEvery must be at least 1");
        require(problems, keepCheckpoints >= 1, "keepCheckpoints must be at least 1");
        require(problems, workers >= 1, "workers must be at least 1");
        device = device == null ? "cpu" : device;
        try {
            Devices.parse(device, "device");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
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
                structureTasks, interactiveStart, interactiveEnd, interactiveAnnealSteps, differentImage, taskWeights,
                heldOutTasks,
                appearanceRandomisation, autoencoderSteps, validateEvery, validationQueries, checkpointEvery,
                keepCheckpoints, workers, device, seed, outputDir);
    }

    /** This config on another device (a run may resume elsewhere). */
    public TrainConfig withDevice(String newDevice) {
        return new TrainConfig(dataRoots, preset, initialModel, steps, batchSize, learningRate, minLearningRate,
                warmupSteps, weightDecay, gradClipNorm, promptTypes, qualityMix, syntheticRatio, syntheticTasks,
                syntheticSamples, structureTasks, interactiveStart, interactiveEnd, interactiveAnnealSteps,
                differentImage, taskWeights, heldOutTasks, appearanceRandomisation, autoencoderSteps, validateEvery,
                validationQueries, checkpointEvery, keepCheckpoints, workers, newDevice, seed, outputDir);
    }
}
