package org.onepro.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code onepro} command-line app (run through {@code scripts/onepro}). */
@Command(name = "onepro", mixinStandardHelpOptions = true, version = "OnePro 0.1.0",
        description = "One-prompt medical image segmentation.",
        subcommands = {InfoCommand.class, BenchCommand.class})
public final class OneProCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with the app's error handling: runtime errors exit 1 with one line on stderr. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OneProCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if ("1".equals(System.getenv("ONEPRO_DEBUG"))) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cli;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
