package org.onepro.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * The {@code onepro} command-line app (run through {@code scripts/onepro}). Exit codes: 0 success,
 * 2 bad arguments, 1 a runtime error reported as one {@code error: ...} line on stderr.
 */
// scope INHERIT hands --help/--version and the version text down to every sub-command.
@Command(name = "onepro", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        version = "OnePro 0.1.0 (DJL 0.36.0, PyTorch engine)",
        description = "One-prompt medical image segmentation.",
        subcommands = {SegmentCommand.class, EverythingCommand.class, EvaluateCommand.class, CompareCommand.class,
            SummarizeCommand.class,
            DemoCommand.class, InfoCommand.class, BenchCommand.class, TrainCommand.class, ServeCommand.class})
public final class OneProCli implements Runnable {

    /** Exit code of a runtime error (picocli's own codes: 0 success, 2 usage error). */
    public static final int EXIT_ERROR = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "print the stack trace of an error (also: env ONEPRO_DEBUG=1)")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // Without a sub-command there is nothing to do; the usage says what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with the app's error handling; tests run it in-process. */
    public static CommandLine commandLine() {
        OneProCli app = new OneProCli();
        CommandLine cli = new CommandLine(app);
        // --prompt CLICK and --prompt click both work; help texts list the values in lower case.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // "@FILE" is the commands' own way to name a list file (evaluate --tasks), not picocli's argument file.
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler(new ErrorLine(app));
        return cli;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Turns an exception from a command into one {@code error: ...} line: users of a CLI want the
     * cause, not a trace; the trace stays available for bug reports.
     */
    private record ErrorLine(OneProCli app) implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
            err.println("error: " + message.strip().replaceAll("\\s*\\R\\s*", " "));
            if (app.verbose || "1".equals(System.getenv("ONEPRO_DEBUG"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_ERROR;
        }
    }
}
