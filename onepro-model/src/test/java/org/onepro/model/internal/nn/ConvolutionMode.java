package org.onepro.model.internal.nn;

import java.util.function.Supplier;

/** Runs test code with the {@code onepro.convolution} property of {@link EngineConvolution} set, then restores it. */
public final class ConvolutionMode {

    private ConvolutionMode() {
    }

    /** {@code mode}: {@code reference}, {@code engine}, or empty for the default choice. */
    public static <T> T with(String mode, Supplier<T> body) {
        String before = System.getProperty("onepro.convolution");
        System.setProperty("onepro.convolution", mode);
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty("onepro.convolution");
            } else {
                System.setProperty("onepro.convolution", before);
            }
        }
    }
}
