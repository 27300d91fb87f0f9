package org.onepro.model.internal.nn;

/**
 * How a parameter's first values are drawn. Fan-in is the product of all dimensions but the first,
 * which matches both conv weights {@code (out, in, k, k)} and linear weights {@code (out, in)}.
 */
public enum Init {
    /** Normal with std sqrt(2 / fan_in): keeps activations' scale through GELU layers. */
    HE,
    /** Normal with std sqrt(1 / fan_in): for linear maps feeding attention and residual sums. */
    LECUN,
    /** Normal with std 0.02: for learned embedding vectors. */
    SMALL,
    /** Standard normal: the fixed random Fourier matrix of the positional encoding. */
    STANDARD_NORMAL,
    /** All zeros (biases, and output layers that should start silent). */
    ZEROS,
    /** All ones (norm gains). */
    ONES,
    /**
     * The Prompt-Parser's token-mixing map {@code (N, 3N)}: three stacked identities plus small
     * noise, so that at the start token n of Z is the sum of e_t, p1 and p2 at token n.
     */
    TOKEN_MIX
}
