package org.onepro.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.onepro.train.TrainMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onepro train}: runs or resumes a training run ({@link TrainMain} does the work). */
@Command(name = "train", description = {
    "Train a model on task folders (and synthetic tasks); run again with the same outputDir to resume.",
    "Exit status: 0 finished or paused with a checkpoint, 2 bad config or data, 3 training diverged."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "[CONFIG.json] [key=value...]", arity = "0..*",
            description = "a JSON training config (fields it omits take their defaults), then overrides such as"
                    + " steps=2000 dataRoots=data/a,data/b outputDir=runs/x")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--for-steps", paramLabel = "N", description = "end this session after N steps (checkpointed)")
    Long forSteps;

    @Option(names = "--for-minutes", paramLabel = "M",
            description = "end this session after M minutes (checkpointed)")
    Double forMinutes;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(arguments);
        if (forSteps != null) {
            args.add("--for-steps");
            args.add(forSteps.toString());
        }
        if (forMinutes != null) {
            args.add("--for-minutes");
            args.add(forMinutes.toString());
        }
        return TrainMain.run(args.toArray(String[]::new));
    }
}
