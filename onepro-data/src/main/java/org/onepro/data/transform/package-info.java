/**
 * Deterministic preprocessing as small composable {@link org.onepro.data.transform.Transform}s applied
 * identically to image, labels and scribbles: intensity normalisation (percentiles, CT window), channel
 * conversion, and the letterbox to the model's square grid with its exact inverse for mapping predictions
 * and prompts back. {@link org.onepro.data.transform.Preprocess#forModel} is the one chain that training and
 * inference share.
 */
package org.onepro.data.transform;
