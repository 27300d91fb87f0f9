package org.onepro.examples.guide;

import org.onepro.data.dataset.DemoData;
import org.onepro.core.prompt.PromptType;
import org.onepro.train.config.TrainConfig;
import org.onepro.train.config.TrainConfigJson;
import org.onepro.train.eval.ValidationResult;
import org.onepro.train.run.Trainer;
import org.onepro.train.run.TrainingOutcome;

import java.util.List;
import java.util.Locale;

/**
 * Training on your own data: fine-tunes the bundled model on a folder of task folders (each {@code images/} +
 * {@code masks/}) mixed with synthetic tasks, then prints the validation Dice per prompt type next to the negative
 * control (the prompt moved onto the background) and the copy-template baseline. The output folder gets
 * checkpoints, {@code steps.csv}, plots and {@code model/}, which {@code Segmenter.load} and
 * {@code scripts/onepro segment --model} take. Running it again resumes.
 *
 * <p>{@code scripts/example TrainOnYourData [DATA_ROOT] [STEPS] [OUT_DIR]} (defaults {@code data/demo}, 30,
 * {@code target/examples/train}). A real run uses {@code scripts/onepro train CONFIG.json}; see
 * {@code docs/training.md}.
 */
public final class TrainOnYourData {

    private TrainOnYourData() {
    }

    /**
     * Runs the example.
     *
     * @param args optional data root, step count and output folder
     */
    public static void main(String[] args) {
        String data = args.length > 0 ? args[0] : DemoData.locate().toString();
        String steps = args.length > 1 ? args[1] : "30";
        String out = args.length > 2 ? args[2] : "target/examples/train";
        // Only the fields that differ from the defaults (TrainConfigJson.defaults(), the one training recipe).
        TrainConfig config = TrainConfigJson.fromJson("{}", List.of("dataRoots=" + data, "initialModel=onepro-small",
                "steps=" + steps, "warmupSteps=5", "learningRate=2e-4", "syntheticRatio=0.2",
                "validateEvery=0", "validationQueries=2", "checkpointEvery=10", "outputDir=" + out));
        try (Trainer trainer = Trainer.builder().setConfig(config).build()) {
            TrainingOutcome outcome = trainer.run();
            if (outcome.validation().isEmpty()) {
                System.out.println(out + " holds a finished run; delete it or give another folder to train again");
                return;
            }
            ValidationResult v = outcome.validation().get();
            for (PromptType type : config.promptTypes()) {
                System.out.printf(Locale.ROOT, "%-7s dice %.3f  control %.3f  copy-template %.3f%n",
                        type.name().toLowerCase(Locale.ROOT),
                        v.meanOverTasks(type, ValidationResult.Row::dice),
                        v.meanOverTasks(type, ValidationResult.Row::controlDice),
                        v.meanOverTasks(type, ValidationResult.Row::copyDice));
            }
            outcome.modelDir().ifPresent(dir -> System.out.println("model: " + dir.toAbsolutePath()));
        }
    }
}
