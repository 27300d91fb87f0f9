package org.onepro.model.config;

/** The Prompt-Parser's masking step (paper Fig. 6 ablation). */
public enum MaskingMode {
    /** Spatially varying Gaussian spread with a learned gain, keeping the stronger activation (eq. 3). */
    GAUSSIAN,
    /** Add the conv map to the prompted template tokens. */
    ADD,
    /** Threshold the conv map at 0 and multiply, with a straight-through gradient. */
    BINARY,
    /** Min-max normalise the conv map to [0, 1] and multiply. */
    NORM
}
