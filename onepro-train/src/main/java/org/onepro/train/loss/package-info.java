/**
 * Losses written with native scalars only (docs/engine-notes.md §4.1): BCE + soft Dice, and the IoU head's regression.
 */
package org.onepro.train.loss;
