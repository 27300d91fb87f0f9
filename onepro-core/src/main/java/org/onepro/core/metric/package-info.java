/**
 * Overlap metrics (Dice, IoU) for comparing a predicted mask with a reference mask.
 */
package org.onepro.core.metric;
