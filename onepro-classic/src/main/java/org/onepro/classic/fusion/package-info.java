/**
 * Cue fusion: the registration's warped mask, the pixel classifier's probabilities and their reliability signals
 * for one template/query pair ({@link org.onepro.classic.fusion.PairCues}), turned into per-pixel features
 * ({@link org.onepro.classic.fusion.FusionFeatures}) that a learned combiner reads.
 */
package org.onepro.classic.fusion;
