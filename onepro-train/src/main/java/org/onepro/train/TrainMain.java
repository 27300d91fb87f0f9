package org.onepro.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.onepro.core.error.InvalidInputException;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.config.TrainConfigJson;
import org.onepro.train.run.Trainer;
import org.onepro.train.run.TrainingDivergedException;
import org.onepro.train.run.TrainingOutcome;

/**
 * The training main class: {@code TrainMain [CONFIG.json] [key=value ...] [--for-steps N] [--for-minutes M]}. The config file may give only the
 * fields it changes (the rest are {@link TrainConfigJson#defaults()}); each {@code key=value} overrides one
 * field, e.g. {@code steps=2000 dataRoots=data/a,data/b outputDir=runs/x}. Running again with the same output
 * folder resumes from its newest checkpoint; Ctrl-C saves a checkpoint before exiting. {@code --for-steps} and
 * {@code --for-minutes} end this session early with a checkpoint (a long run in several sittings).
 *
 * <p>Exit status: 0 finished or stopped cleanly, 2 bad config or data, 3 training diverged.
 */
public final class TrainMain {

    private TrainMain() {}

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs training and returns the exit status (for callers that must not exit the JVM). */
    public static int run(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage());
            return 0;
        }
        TrainConfig config;
        long sessionSteps = Long.MAX_VALUE;
        double sessionMinutes = Double.POSITIVE_INFINITY;
        List<String> rest = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--for-steps") || args[i].equals("--for-minutes")) {
                    if (i + 1 >= args.length) {
                        throw new InvalidInputException(args[i] + " needs a number");
                    }
                    double v = number(args[i], args[++i]);
                    if (args[i - 1].equals("--for-steps")) {
                        sessionSteps = (long) v;
                    } else {
                        sessionMinutes = v;
                    }
                } else {
                    rest.add(args[i]);
                }
            }
            config = parse(rest.toArray(String[]::new));
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            return 2;
        }
        try (Trainer trainer = Trainer.builder().setConfig(config).optSessionLimit(sessionSteps, sessionMinutes)
                .build()) {
            Thread hook = new Thread(() -> trainer.stopAndWait(300), "onepro-save-on-exit");
            Runtime.getRuntime().addShutdownHook(hook);
            TrainingOutcome outcome;
            try {
                outcome = trainer.run();
            } finally {
                removeHook(hook);
            }
            outcome.modelDir().ifPresent(dir -> System.out.println("model: " + dir.toAbsolutePath()));
            return 0;
        } catch (TrainingDivergedException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    static TrainConfig parse(String[] args) {
        List<String> overrides = new ArrayList<>(Arrays.asList(args));
        if (!overrides.isEmpty() && !overrides.get(0).contains("=")) {
            Path file = Path.of(overrides.remove(0));
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("training config file " + file + " does not exist");
            }
            return TrainConfigJson.read(file, overrides);
        }
        return TrainConfigJson.fromJson("{}", overrides);
    }

    private static double number(String flag, String text) {
        try {
            double v = Double.parseDouble(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidInputException(flag + " needs a positive number, not '" + text + "'");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting (Ctrl-C); the hook is running and saves the checkpoint.
        }
    }

    static String usage() {
        return "usage: TrainMain [CONFIG.json] [key=value ...] [--for-steps N] [--for-minutes M]\n"
                + "  fields and defaults:\n" + TrainConfigJson.defaults();
    }
}
