/**
 * Losses written with native scalars only (djl-notes.md 2.1): BCE + soft Dice, and the IoU head's regression.
 */
package org.onepro.train.loss;
