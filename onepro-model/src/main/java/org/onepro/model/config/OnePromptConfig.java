package org.onepro.model.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Every size and switch of a One-Prompt model. Plain data that reads and writes as JSON ({@link
 * ConfigJson}); named presets come from {@link ModelPresets}.
 *
 * <p>Encoder level {@code i} works at stride {@code 2^(i+1)}: a 2x2 patchify stem halves the input
 * first (docs/model-contract.md §8.4). Former levels are listed deepest first, each at half the stride of
 * the previous one, and must be encoder strides.
 *
 * @param preset the preset this config was made from, or "custom"
 * @param inputSize the square side s every input is resized and padded to
 * @param imageChannels image channels the encoder expects (grey images are repeated)
 * @param encoderWidths channels per encoder level
 * @param formerStrides strides of the Former levels, deepest first
 * @param tokenDim token width D
 * @param heads attention heads
 * @param blocksPerLevel One-Prompt Former blocks per level
 * @param mlpRatio hidden width of the Former FFN as a multiple of D
 * @param maskEncoderWidths channels per level of the SegLab mask autoencoder
 * @param promptingMode the Prompt-Parser's prompting step
 * @param maskingMode the Prompt-Parser's masking step
 * @param promptChannels feed the rasterised prompt to the encoder as two extra channels (§8.1)
 * @param promptPrior add the Prompt-Parser's transferred prompt prior to fusion and head (§8.2)
 * @param pastedPrompt also give fusion and head the template's prompt at the same place on the query, a
 *     prior the model can follow where template and query are aligned (docs/design-decisions.md, entry 12); false
 *     in model files written before it existed
 * @param refineStage end the output head with a small stage at full input resolution that sees the query image,
 *     the template image and the template's prompt channels and adds a correction to the logits; it starts
 *     silent (zero-initialised output), and needs {@code pastedPrompt} (docs/design-decisions.md, entry 16);
 *     false in model files written before it existed
 */
public record OnePromptConfig(
        String preset,
        int inputSize,
        int imageChannels,
        List<Integer> encoderWidths,
        List<Integer> formerStrides,
        int tokenDim,
        int heads,
        int blocksPerLevel,
        int mlpRatio,
        List<Integer> maskEncoderWidths,
        PromptingMode promptingMode,
        MaskingMode maskingMode,
        boolean promptChannels,
        boolean promptPrior,
        boolean pastedPrompt,
        boolean refineStage) {

    /** The largest token count per Former level: the Prompt-Parser's M is b*N^2 floats. */
    public static final int MAX_TOKENS = 4096;

    /** Validates the sizes; every violation is reported with the offending values. */
    public OnePromptConfig {
        encoderWidths = List.copyOf(encoderWidths);
        formerStrides = List.copyOf(formerStrides);
        maskEncoderWidths = List.copyOf(maskEncoderWidths);
        List<String> problems = new ArrayList<>();
        int levels = encoderWidths.size();
        if (levels < 1) {
            problems.add("encoderWidths is empty");
        }
        if (maskEncoderWidths.size() != levels) {
            problems.add("maskEncoderWidths has " + maskEncoderWidths.size() + " levels, encoderWidths " + levels);
        }
        int deepest = 1 << levels;
        if (inputSize <= 0 || inputSize % deepest != 0) {
            problems.add("inputSize " + inputSize + " must be a positive multiple of the deepest stride " + deepest);
        }
        if (imageChannels < 1) {
            problems.add("imageChannels must be positive, not " + imageChannels);
        }
        if (tokenDim < 2 || tokenDim % 2 != 0 || heads < 1 || tokenDim % heads != 0) {
            problems.add("tokenDim " + tokenDim + " must be even and divisible by heads " + heads);
        }
        if (blocksPerLevel < 1 || mlpRatio < 1) {
            problems.add("blocksPerLevel and mlpRatio must be positive");
        }
        if (formerStrides.isEmpty()) {
            problems.add("formerStrides is empty");
        }
        for (int i = 0; i < formerStrides.size(); i++) {
            int stride = formerStrides.get(i);
            if (Integer.bitCount(stride) != 1 || stride < 2 || stride > deepest) {
                problems.add("former stride " + stride + " is not an encoder stride (2.." + deepest + ")");
            } else if (inputSize > 0 && tokens(stride) > MAX_TOKENS) {
                problems.add("former stride " + stride + " gives " + tokens(stride) + " tokens, more than " + MAX_TOKENS);
            }
            if (i > 0 && stride * 2 != formerStrides.get(i - 1)) {
                problems.add("former strides must halve from one level to the next, deepest first: " + formerStrides);
            }
        }
        if (pastedPrompt && !promptPrior) {
            problems.add("pastedPrompt needs promptPrior: the pasted prompt enters where the prior does");
        }
        if (refineStage && !pastedPrompt) {
            problems.add("refineStage needs pastedPrompt: it reads the template's prompt at full resolution");
        }
        if (promptingMode == null || maskingMode == null) {
            problems.add("promptingMode and maskingMode are required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid model config: " + String.join("; ", problems));
        }
    }

    /** Number of encoder levels. */
    public int levels() {
        return encoderWidths.size();
    }

    /** Stride of encoder level {@code i}. */
    public static int strideOfLevel(int level) {
        return 2 << level;
    }

    /** Encoder level working at {@code stride}. */
    public static int levelOfStride(int stride) {
        return Integer.numberOfTrailingZeros(stride) - 1;
    }

    /** Grid side at a stride. */
    public int side(int stride) {
        return inputSize / stride;
    }

    /** Token count at a stride. */
    public int tokens(int stride) {
        return side(stride) * side(stride);
    }

    /** The finest stride the Former works at. */
    public int finestFormerStride() {
        return formerStrides.get(formerStrides.size() - 1);
    }

    /** A copy with another prompting step (ablation). */
    public OnePromptConfig withPromptingMode(PromptingMode mode) {
        return new OnePromptConfig(preset, inputSize, imageChannels, encoderWidths, formerStrides, tokenDim,
                heads, blocksPerLevel, mlpRatio, maskEncoderWidths, mode, maskingMode, promptChannels,
                promptPrior, pastedPrompt, refineStage);
    }

    /** A copy with another masking step (ablation). */
    public OnePromptConfig withMaskingMode(MaskingMode mode) {
        return new OnePromptConfig(preset, inputSize, imageChannels, encoderWidths, formerStrides, tokenDim,
                heads, blocksPerLevel, mlpRatio, maskEncoderWidths, promptingMode, mode, promptChannels,
                promptPrior, pastedPrompt, refineStage);
    }

    /** A copy with the prompt channels of §8.1 switched on or off. */
    public OnePromptConfig withPromptChannels(boolean on) {
        return new OnePromptConfig(preset, inputSize, imageChannels, encoderWidths, formerStrides, tokenDim,
                heads, blocksPerLevel, mlpRatio, maskEncoderWidths, promptingMode, maskingMode, on,
                promptPrior, pastedPrompt, refineStage);
    }

    /** A copy with the prompt prior of §8.2 switched on or off (off also drops the pasted prompt and refinement). */
    public OnePromptConfig withPromptPrior(boolean on) {
        return new OnePromptConfig(preset, inputSize, imageChannels, encoderWidths, formerStrides, tokenDim,
                heads, blocksPerLevel, mlpRatio, maskEncoderWidths, promptingMode, maskingMode, promptChannels, on,
                pastedPrompt && on, refineStage && on);
    }

    /** A copy with the pasted template prompt switched on or off (off also drops the refinement stage). */
    public OnePromptConfig withPastedPrompt(boolean on) {
        return new OnePromptConfig(preset, inputSize, imageChannels, encoderWidths, formerStrides, tokenDim,
                heads, blocksPerLevel, mlpRatio, maskEncoderWidths, promptingMode, maskingMode, promptChannels,
                promptPrior, on, refineStage && on);
    }

    /** A copy with the full-resolution refinement stage switched on or off. */
    public OnePromptConfig withRefineStage(boolean on) {
        return new OnePromptConfig(preset, inputSize, imageChannels, encoderWidths, formerStrides, tokenDim,
                heads, blocksPerLevel, mlpRatio, maskEncoderWidths, promptingMode, maskingMode, promptChannels,
                promptPrior, pastedPrompt, on);
    }
}
