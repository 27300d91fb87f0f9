package org.onepro.examples.cli;

import org.onepro.model.config.OnePromptConfig;
import org.onepro.model.io.ModelIO;
import org.onepro.model.io.ModelInfo;
import org.onepro.model.segment.Segmenter;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code onepro info}: a model's sizes, tokens per Former level and parameters per module. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model's configuration, tokens per Former level and parameter counts.")
public final class InfoCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    ModelSource source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Segmenter segmenter = ModelSource.open(source, 0)) {
            OnePromptConfig c = segmenter.config();
            out.printf("preset:            %s%n", c.preset());
            out.printf("input size:        %d x %d, %d image channels%s%n", c.inputSize(), c.inputSize(),
                    c.imageChannels(), c.promptChannels() ? " + 2 prompt channels" : "");
            StringBuilder widths = new StringBuilder();
            for (int i = 0; i < c.levels(); i++) {
                widths.append(i == 0 ? "" : ", ").append(c.encoderWidths().get(i)).append(" @")
                        .append(OnePromptConfig.strideOfLevel(i));
            }
            out.printf("encoder widths:    %s (channels @ stride)%n", widths);
            out.printf("token width D:     %d, %d heads, %d block(s) per level, MLP ratio %d%n", c.tokenDim(),
                    c.heads(), c.blocksPerLevel(), c.mlpRatio());
            out.printf("prompt-parser:     prompting %s, masking %s, prompt prior %s%n", c.promptingMode(),
                    c.maskingMode(), c.promptPrior() ? "on" : "off");
            out.println("tokens per Former level (stride: tokens):");
            for (int stride : c.formerStrides()) {
                out.printf("  %d: %d%n", stride, c.tokens(stride));
            }
            out.println("parameters per module:");
            for (Map.Entry<String, Long> e : segmenter.model().parameterCounts().entrySet()) {
                out.printf("  %-10s %,12d%n", e.getKey(), e.getValue());
            }
            out.printf("  %-10s %,12d%n", "total", segmenter.model().parameterCount());
            Path dir = ModelSource.directory(source);
            if (dir != null) {
                ModelInfo info = ModelIO.readInfo(dir);
                out.printf("created:           %s by %s, seed %d%n", info.createdAt(), info.createdBy(), info.seed());
                out.printf("description:       %s%n", info.description());
            }
        }
        out.flush();
        return 0;
    }
}
