package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.onepro.app.serve.PromptServer;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onepro serve}: the browser prompting tool on a local web server, until Ctrl-C. */
@Command(name = "serve", sortOptions = false,
        description = {"Start the browser prompting tool: pick a template, prompt it (click, box, doodle, SegLab)"
                + " and see its mask at once, apply it to the task's other images, save the prompt as JSON beside"
                + " the data (TASK/prompts/prompts.json) and export masks (TASK/onepro-masks/).",
            "Prints the page's address; stops with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "a folder of task folders (images/ + masks/, or imagesTr/ + labelsTr/); without it only"
                    + " uploaded images can be prompted")
    Path data;

    @Mixin
    TrainedModelOptions model;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to bind (default ${DEFAULT-VALUE}: this machine only)")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8765",
            description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must lie in [0, 65535], not " + port);
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "--data " + data + " is not a folder");
        }
        PrintWriter console = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Segmenter segmenter = model.open();
                PromptServer server = PromptServer.start(segmenter, data, model.describe(), host, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "onepro-serve-stop"));
            console.printf("model %s; data %s%n", model.describe(), data == null ? "none (uploads only)" : data);
            console.println("serving at " + server.uri() + " (Ctrl-C stops)");
            console.flush();
            stopped.await();
        }
        return 0;
    }
}
