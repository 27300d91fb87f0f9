/**
 * Learning the cue combiner of {@link org.onepro.classic.fusion}: {@link org.onepro.train.fusion.CollectCues}
 * computes the cues of template/query pairs of the training tasks and writes sampled pixels with their truth;
 * {@link org.onepro.train.fusion.FitFusion} fits gradient-boosted trees to them.
 */
package org.onepro.train.fusion;
