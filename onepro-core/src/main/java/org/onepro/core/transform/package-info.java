/**
 * The deterministic geometry and intensity steps that inference needs and training reuses: percentile
 * normalisation, the letterbox to the model's square grid with its exact inverse (for predictions and
 * prompts), and plane resampling of anisotropic slices. The composable training transforms built on them
 * live in {@code onepro-data}.
 */
package org.onepro.core.transform;
