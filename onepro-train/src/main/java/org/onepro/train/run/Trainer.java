package org.onepro.train.run;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.episode.Episode;
import org.onepro.data.episode.EpisodeStream;
import org.onepro.model.bundled.BundledModels;
import org.onepro.model.config.ModelPresets;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.Devices;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.SegmenterAccess;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.model.internal.io.ModelSources;
import org.onepro.model.internal.io.WeightTransfer;
import org.onepro.model.io.ModelInfo;
import org.onepro.model.segment.Segmenter;
import org.onepro.train.batch.BatchAssembler;
import org.onepro.train.batch.EpisodeBatches;
import org.onepro.train.checkpoint.Checkpoint;
import org.onepro.train.checkpoint.CheckpointStore;
import org.onepro.train.checkpoint.TrainingState;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.config.TrainConfigJson;
import org.onepro.train.eval.ValidationResult;
import org.onepro.train.eval.ValidationSet;
import org.onepro.train.eval.Validator;
import org.onepro.train.optim.AdamW;
import org.onepro.train.optim.LearningRateSchedule;
import org.onepro.train.report.Plots;
import org.onepro.train.report.ProgressBar;
import org.onepro.train.report.StepLog;
import org.onepro.train.report.ValidationLog;

/**
 * Trains a One-Prompt model from a {@link TrainConfig}: the mask autoencoder's pre-training stage, then the
 * whole model on episodes, with checkpoints that resume exactly, periodic validation, best-model tracking, a CSV
 * log of every step and plots at the end.
 *
 * <p>Output folder: {@code config.json}, {@code checkpoints/}, {@code steps.csv}, {@code validation.csv},
 * {@code best-model/} (highest validation score), {@code model/} (the last step), {@code loss.png},
 * {@code validation.png}. Running again on the same folder resumes from the newest checkpoint.
 */
public final class Trainer implements AutoCloseable {

    private final TrainConfig config;
    private final Path out;
    private final PrintStream console;
    private final BatchAssembler assembler;
    private final StepListener listener;
    private final long sessionSteps;
    private final double sessionSeconds;
    private final NDManager root;
    private final CheckpointStore checkpoints;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;

    private Trainer(Builder b) {
        this.config = b.config;
        this.out = Path.of(config.outputDir());
        this.console = b.console;
        this.assembler = b.assembler;
        this.listener = b.listener;
        this.sessionSteps = b.sessionSteps;
        this.sessionSeconds = b.sessionSeconds;
        this.checkpoints = new CheckpointStore(out.resolve("checkpoints"), config.keepCheckpoints());
        // The configured device only (CPU by default): a GPU is opt-in, never used because one happens to be there.
        this.root = NDManager.newBaseManager(Devices.checked(Devices.parse(config.device(), "device")));
    }

    /** A builder; the config is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Asks a running {@link #run()} to save a checkpoint after the current step and return; waits up to
     * {@code timeoutSeconds} for that to happen (for a Ctrl-C handler, which must not return before the save).
     */
    public void stopAndWait(long timeoutSeconds) {
        stopRequested = true;
        try {
            finished.await(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs or resumes the training.
     *
     * @return how it ended
     * @throws TrainingDivergedException if the loss or the gradient became NaN or infinite
     * @throws InvalidInputException     if the output folder holds a run with a different config, or data is bad
     */
    public TrainingOutcome run() {
        try {
            return runStages();
        } finally {
            finished.countDown();
        }
    }

    private TrainingOutcome runStages() {
        OnePromptConfig modelConfig = ModelPresets.get(config.preset());
        int size = modelConfig.inputSize();
        int channels = modelConfig.imageChannels();
        Optional<Path> latest = checkpoints.latest();
        OnePromptModel model;
        TrainingState state;
        TrainingData data;
        try (AdamW adam = AdamW.withDefaults(root, (float) config.weightDecay())) {
            if (latest.isPresent()) {
                Checkpoint ck = CheckpointStore.read(latest.get(), root);
                requireSameRun(ck.config());
                model = ck.model();
                adam.restore(ck.optimizerState(), ck.optimizerSteps());
                state = ck.state();
                data = TrainingData.open(config, size, CheckpointStore.readSplits(latest.get()));
                console.printf(Locale.ROOT, "resuming %s from step %d (%s)%n", out, state.step(), latest.get());
            } else {
                model = initialModel(modelConfig);
                state = TrainingState.initial();
                data = TrainingData.open(config, size);
                console.printf(Locale.ROOT, "training preset %s, %,d parameters, %d real and %d synthetic tasks"
                        + " -> %s%n", config.preset(), model.parameterCount(),
                        data.realTasks().size(), data.syntheticTasks().size(), out);
            }
            writeConfig();
            ParameterStore ps = new ParameterStore(root, false);
            if (!state.autoencoderDone()) {
                // A fine-tuning run starts from a trained mask autoencoder; only a run from scratch pre-trains it.
                boolean pretrain = config.autoencoderSteps() > 0 && config.initialModel().isEmpty();
                if (pretrain && !new AutoencoderPretraining(config, console).run(model, ps, root,
                        data.episodes(config, size, channels), () -> stopRequested)) {
                    return new TrainingOutcome(0, false, Optional.empty(), Optional.empty(), state.elapsedSeconds());
                }
                state = new TrainingState(0, 0, true, -1, -1, state.elapsedSeconds());
                checkpoints.write(model, adam, state, config, data.splits());
            }
            return mainStage(model, ps, adam, state, data, size, channels);
        }
    }

    /** The model a new run starts from: seeded random weights, or those of {@code initialModel} (fine-tuning). */
    private OnePromptModel initialModel(OnePromptConfig modelConfig) {
        String from = config.initialModel();
        if (from.isEmpty()) {
            OnePromptModel model = new OnePromptModel(modelConfig);
            model.initialize(root, config.seed());
            return model;
        }
        OnePromptModel model;
        try {
            model = ModelSources.namedOrSaved(from, root);
        } catch (IOException e) {
            throw new InvalidInputException("cannot load the initial model '" + from + "' (neither a bundled model,"
                    + " " + BundledModels.names() + ", nor a readable model folder): " + e.getMessage(), e);
        }
        if (model.config().equals(modelConfig)) {
            console.printf(Locale.ROOT, "starting from the weights of %s%n", from);
            return model;
        }
        if (widens(model.config(), modelConfig)) {
            // A model from before the pasted prompt or the refinement stage: its new inputs start at zero weight
            // and the new stage's output at zero, so training starts from exactly what it computed.
            OnePromptModel widened = new OnePromptModel(modelConfig);
            widened.initialize(root, config.seed());
            WeightTransfer.widen(model, widened);
            closeParameters(model);
            List<String> added = new ArrayList<>();
            if (!model.config().pastedPrompt()) {
                added.add("the pasted prompt");
            }
            if (!model.config().refineStage()) {
                added.add("the refinement stage");
            }
            console.printf(Locale.ROOT, "starting from the weights of %s, widened for %s%n", from,
                    String.join(" and ", added));
            return widened;
        }
        throw new InvalidInputException("the initial model '" + from + "' is not of preset " + config.preset()
                + "; its config is " + model.config());
    }

    /** Whether {@code to} is {@code from} with the pasted prompt and/or the refinement stage switched on. */
    static boolean widens(OnePromptConfig from, OnePromptConfig to) {
        boolean more = (!from.pastedPrompt() && to.pastedPrompt()) || (!from.refineStage() && to.refineStage());
        return more && from.withPastedPrompt(to.pastedPrompt()).withRefineStage(to.refineStage()).equals(to);
    }

    private static void closeParameters(OnePromptModel model) {
        for (var p : model.getParameters()) {
            p.getValue().getArray().close();
        }
    }

    private TrainingOutcome mainStage(OnePromptModel model, ParameterStore ps, AdamW adam, TrainingState start,
            TrainingData data, int size, int channels) {
        LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(), config.minLearningRate(),
                config.warmupSteps(), config.steps());
        ValidationSet validation = ValidationSet.create(data.validationTasks(), data.splits(), config.promptTypes(),
                config.validationQueries(), config.seed());
        OptimizerStep optimizerStep = new OptimizerStep(assembler != null ? assembler
                : new EpisodeBatches(size, channels), config.gradClipNorm());
        TrainingState state = start;
        long sessionStart = System.nanoTime();
        ValidationResult lastValidation = null;
        ProgressBar progress = ProgressBar.forConsole(console, config.steps());
        try (EpisodeStream stream = new EpisodeStream(data.episodes(config, size, channels), config.batchSize(),
                config.workers(), 2, state.episodePosition());
                StepLog steps = StepLog.open(out.resolve("steps.csv"), state.step());
                ValidationLog vlog = ValidationLog.open(out.resolve("validation.csv"), state.step())) {
            long lastSaved = state.step();
            long sessionFirst = state.step();
            while (state.step() < config.steps() && !stopRequested && state.step() - sessionFirst < sessionSteps
                    && (System.nanoTime() - sessionStart) / 1e9 < sessionSeconds) {
                long step = state.step();
                long t0 = System.nanoTime();
                List<Episode> episodes = stream.next();
                double lr = schedule.at(step);
                double[] lossAndNorm = step(model, ps, adam, optimizerStep, episodes, (float) lr, step);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double elapsed = state.elapsedSeconds() + seconds;
                state = new TrainingState(step + 1, stream.position(), true, state.bestScore(), state.bestStep(),
                        elapsed);
                steps.append(step + 1, lossAndNorm[0], lr, lossAndNorm[1], episodes.size() / seconds, elapsed);
                progress.update(step + 1, lossAndNorm[0], lr, episodes.size() / seconds);
                listener.afterStep(step + 1, lossAndNorm[0]);
                boolean last = state.step() == config.steps();
                if (last || (config.validateEvery() > 0 && state.step() % config.validateEvery() == 0)) {
                    lastValidation = validate(model, validation, vlog, state.step(), progress);
                    if (lastValidation.score() > state.bestScore()) {
                        state = new TrainingState(state.step(), state.episodePosition(), true,
                                lastValidation.score(), state.step(), state.elapsedSeconds());
                        saveModel(model, out.resolve("best-model"), "best validation score "
                                + String.format(Locale.ROOT, "%.4f at step %d", state.bestScore(), state.step()));
                    }
                }
                if (last || state.step() % config.checkpointEvery() == 0) {
                    checkpoints.write(model, adam, state, config, data.splits());
                    lastSaved = state.step();
                }
            }
            progress.finish();
            if (state.step() != lastSaved) {
                checkpoints.write(model, adam, state, config, data.splits());
                console.printf(Locale.ROOT, "stopped at step %d; checkpoint saved, run the same command to resume%n",
                        state.step());
            }
        }
        boolean done = state.step() >= config.steps();
        Optional<Path> modelDir = Optional.empty();
        if (done) {
            modelDir = Optional.of(saveModel(model, out.resolve("model"), "final model after " + state.step()
                    + " steps"));
            plot();
        }
        double seconds = state.elapsedSeconds();
        console.printf(Locale.ROOT, "%s after %d steps, %.0f s of training in all (%.0f s this session)%n",
                done ? "finished" : "paused", state.step(), seconds, (System.nanoTime() - sessionStart) / 1e9);
        return new TrainingOutcome(state.step(), done, modelDir, Optional.ofNullable(lastValidation), seconds);
    }

    /** One optimiser step; returns the loss and the gradient norm before clipping. */
    private double[] step(OnePromptModel model, ParameterStore ps, AdamW adam, OptimizerStep optimizerStep,
            List<Episode> episodes, float lr, long step) {
        double[] lossAndNorm = optimizerStep.run(model, ps, adam, root, episodes, lr);
        if (!Double.isFinite(lossAndNorm[0])) {
            throw diverged("loss is " + (float) lossAndNorm[0], step, episodes);
        }
        if (!Double.isFinite(lossAndNorm[1])) {
            throw diverged("gradient norm is " + lossAndNorm[1], step, episodes);
        }
        return lossAndNorm;
    }

    private TrainingDivergedException diverged(String what, long step, List<Episode> episodes) {
        Set<String> tasks = new LinkedHashSet<>();
        episodes.forEach(e -> tasks.add(e.task()));
        String kept = checkpoints.latest().map(Path::toString).orElse("none (no checkpoint was written yet)");
        return new TrainingDivergedException(String.format(Locale.ROOT, "training diverged at step %d: %s (episodes"
                + " %d..%d of tasks %s); stopped without applying it; the last good checkpoint is %s. Lower"
                + " learningRate or gradClipNorm and run again to resume from it.", step + 1, what,
                episodes.get(0).index(), episodes.get(episodes.size() - 1).index(), tasks, kept));
    }

    private ValidationResult validate(OnePromptModel model, ValidationSet set, ValidationLog log, long step,
            ProgressBar progress) {
        ValidationResult result;
        try (Segmenter segmenter = SegmenterAccess.wrap(model)) {
            result = Validator.run(segmenter, set);
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "validation at step %d: score %.4f;",
                step, result.score()));
        for (PromptType type : config.promptTypes()) {
            double dice = result.meanOverTasks(type, ValidationResult.Row::dice);
            double control = result.meanOverTasks(type, ValidationResult.Row::controlDice);
            double copy = result.meanOverTasks(type, ValidationResult.Row::copyDice);
            line.append(String.format(Locale.ROOT, " %s %.3f (control %.3f, copy %.3f)",
                    type.name().toLowerCase(Locale.ROOT), dice, control, copy));
            for (ValidationResult.Row r : result.rows()) {
                if (r.type() == type) {
                    log.append(step, r.task() + (r.label() == 255 ? "" : "#" + r.label()),
                            type.name().toLowerCase(Locale.ROOT), r.dice(), r.controlDice());
                }
            }
        }
        progress.message(line.toString());
        return result;
    }

    private Path saveModel(OnePromptModel model, Path dir, String description) {
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".tmp");
        Path old = dir.resolveSibling("." + dir.getFileName() + ".old");
        try {
            deleteTree(tmp);
            ModelIO.save(model, ModelInfo.now(config.seed(), description + "; trained with " + config.preset()
                    + " on " + config.dataRoots()), tmp);
            Files.copy(out.resolve("config.json"), tmp.resolve("training-config.json"));
            // Two renames: at every moment either the old or the new complete folder exists under a known name.
            deleteTree(old);
            if (Files.exists(dir)) {
                Files.move(dir, old);
            }
            Files.move(tmp, dir);
            deleteTree(old);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    private void writeConfig() {
        org.onepro.core.io.AtomicFiles.writeString(out.resolve("config.json"), TrainConfigJson.toJson(config));
    }

    private void requireSameRun(TrainConfig saved) {
        if (!saved.withSteps(config.steps()).withDevice(config.device()).equals(config)) {
            throw new InvalidInputException("the output folder " + out + " holds a run with a different config;"
                    + " only 'steps' and 'device' may change when resuming. Saved: " + TrainConfigJson.toJson(saved)
                    + "given: " + TrainConfigJson.toJson(config) + "Use another outputDir for a new run.");
        }
    }

    private void plot() {
        try {
            Plots.lossCurve(StepLog.read(out.resolve("steps.csv")), out.resolve("loss.png"));
            var rows = ValidationLog.read(out.resolve("validation.csv"));
            if (!rows.isEmpty()) {
                Plots.validationCurves(rows, out.resolve("validation.png"));
            }
        } catch (RuntimeException e) {
            console.println("could not draw the plots: " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Native arrays alive in the trainer's memory scope (model, optimiser state, and whatever a step leaked). A
     * healthy run keeps this constant from step to step.
     */
    public int liveArrays() {
        return root.getManagedArrays().size();
    }

    @Override
    public void close() {
        root.close();
    }

    /** Builds a {@link Trainer}. */
    public static final class Builder {
        private TrainConfig config;
        private PrintStream console = System.out;
        private BatchAssembler assembler;
        private StepListener listener = (step, loss) -> { };
        private long sessionSteps = Long.MAX_VALUE;
        private double sessionSeconds = Double.POSITIVE_INFINITY;

        private Builder() {}

        /** Called after every step (default none). */
        public Builder optStepListener(StepListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Ends this session after {@code steps} steps or {@code minutes} of training, whichever comes first, with
         * a checkpoint; running again resumes. The run itself (its config, schedule and result) is unchanged.
         */
        public Builder optSessionLimit(long steps, double minutes) {
            if (steps < 1 || !(minutes > 0)) {
                throw new IllegalArgumentException("a session needs at least one step and a positive time");
            }
            this.sessionSteps = steps;
            this.sessionSeconds = minutes * 60;
            return this;
        }

        /** The run's config (required). */
        public Builder setConfig(TrainConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Where progress goes (default standard output). */
        public Builder optConsole(PrintStream console) {
            this.console = Objects.requireNonNull(console, "console");
            return this;
        }

        /** How episodes become tensors (default {@link EpisodeBatches}). */
        public Builder optBatchAssembler(BatchAssembler assembler) {
            this.assembler = Objects.requireNonNull(assembler, "assembler");
            return this;
        }

        /** The trainer. */
        public Trainer build() {
            if (config == null) {
                throw new IllegalStateException("a training config is required");
            }
            return new Trainer(this);
        }
    }
}
