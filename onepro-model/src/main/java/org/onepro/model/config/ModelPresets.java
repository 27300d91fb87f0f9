package org.onepro.model.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of named model sizes (docs/model-contract.md §2, with the stride-2 stem and narrow
 * full-resolution widths of §8.4).
 */
public final class ModelPresets {

    private static final Map<String, OnePromptConfig> PRESETS = new LinkedHashMap<>();

    static {
        register(config("tiny", 32, List.of(8, 16, 32, 32), List.of(8, 4), 16, 2, List.of(4, 8, 8, 8)));
        register(config("small", 128, List.of(16, 32, 64, 128, 128), List.of(32, 16, 8), 64, 4,
                List.of(8, 8, 16, 16, 32)));
        register(config("base", 256, List.of(16, 32, 128, 256, 256), List.of(32, 16, 8), 128, 4,
                List.of(8, 16, 16, 32, 32)));
        register(config("large", 512, List.of(32, 64, 256, 384, 512), List.of(32, 16), 256, 8,
                List.of(8, 16, 32, 32, 64)));
    }

    private ModelPresets() {}

    private static OnePromptConfig config(String name, int size, List<Integer> widths, List<Integer> strides,
            int dim, int heads, List<Integer> maskWidths) {
        return new OnePromptConfig(name, size, 3, widths, strides, dim, heads, 1, 4, maskWidths,
                PromptingMode.STACK_MLP, MaskingMode.GAUSSIAN, true, true, true, true);
    }

    private static void register(OnePromptConfig c) {
        PRESETS.put(c.preset(), c);
    }

    /** The preset names, smallest first. */
    public static Set<String> names() {
        return PRESETS.keySet();
    }

    /** The config of a named preset. */
    public static OnePromptConfig get(String name) {
        OnePromptConfig c = PRESETS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "'; known presets: " + names());
        }
        return c;
    }
}
