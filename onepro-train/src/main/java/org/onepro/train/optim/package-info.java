/**
 * AdamW whose state the project owns, the learning-rate schedule, gradient clipping and clearing.
 */
package org.onepro.train.optim;
