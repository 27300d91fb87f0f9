package org.onepro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.internal.OnePromptModel;
import org.onepro.model.internal.SegmenterAccess;
import org.onepro.model.internal.io.ModelIO;
import org.onepro.model.io.ModelInfo;
import org.onepro.model.segment.Segmenter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code onepro info}: a model's sizes, tokens per Former level and parameters per module. */
@Command(name = "info", description = "Print a model's configuration, tokens per Former level and parameter counts.")
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    DeviceOption device;

    @ArgGroup(exclusive = true)
    ModelSource source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // The seed is irrelevant here: parameter counts do not depend on the initial values.
        try (Segmenter segmenter = ModelSource.open(source, 0, device.device())) {
            out.printf("model:             %s%n", ModelSource.describe(source, 0));
            printConfig(out, segmenter.config());
            printParameters(out, SegmenterAccess.model(segmenter));
        }
        Path dir = ModelSource.directory(source);
        if (dir != null) {
            ModelInfo info = ModelIO.readInfo(dir);
            out.printf("created:           %s by %s, seed %d%n", info.createdAt(), info.createdBy(), info.seed());
            out.printf("description:       %s%n", info.description());
        }
        out.flush();
        return 0;
    }

    private static void printConfig(PrintWriter out, OnePromptConfig c) {
        out.printf("preset:            %s%n", c.preset());
        out.printf("input size:        %d x %d, %d image channels%n", c.inputSize(), c.inputSize(), c.imageChannels());
        StringBuilder widths = new StringBuilder();
        for (int level = 0; level < c.levels(); level++) {
            widths.append(level == 0 ? "" : ", ").append(c.encoderWidths().get(level)).append(" @")
                    .append(OnePromptConfig.strideOfLevel(level));
        }
        out.printf("encoder widths:    %s (channels @ stride)%n", widths);
        out.printf("token width D:     %d, %d heads, %d block(s) per level, MLP ratio %d%n", c.tokenDim(),
                c.heads(), c.blocksPerLevel(), c.mlpRatio());
        out.printf("prompt-parser:     prompting %s, masking %s%n", c.promptingMode(), c.maskingMode());
        out.printf("prompt channels:   %s, prompt prior: %s%n", onOff(c.promptChannels()), onOff(c.promptPrior()));
        out.printf("pasted prompt:     %s, full-resolution refinement: %s%n", onOff(c.pastedPrompt()),
                onOff(c.refineStage()));
        out.println("tokens per Former level (stride: tokens):");
        for (int stride : c.formerStrides()) {
            out.printf("  %d: %d%n", stride, c.tokens(stride));
        }
    }

    private static void printParameters(PrintWriter out, OnePromptModel model) {
        out.println("parameters per module:");
        for (Map.Entry<String, Long> e : model.parameterCounts().entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-10s %,12d", e.getKey(), e.getValue()));
        }
        out.println(String.format(Locale.ROOT, "  %-10s %,12d", "total", model.parameterCount()));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
