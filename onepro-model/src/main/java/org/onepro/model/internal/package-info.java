/**
 * The network itself, as DJL blocks: encoder, One-Prompt Former, prompt embedding and output head. Not part of
 * the public API: names and signatures here change without notice. Use {@link org.onepro.model.segment.Segmenter}.
 */
package org.onepro.model.internal;
