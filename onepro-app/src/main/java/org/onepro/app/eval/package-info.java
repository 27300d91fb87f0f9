/**
 * The evaluation behind {@code onepro evaluate} and {@code onepro compare}: the template choice, prompts, the model
 * or copy-template predictor, per-query Dice, IoU and HD95 ({@link org.onepro.app.eval.HausdorffDistance}),
 * the CSV rows, per-task summaries with bootstrap intervals, and paired comparison with the Wilcoxon signed-rank
 * test.
 */
package org.onepro.app.eval;
