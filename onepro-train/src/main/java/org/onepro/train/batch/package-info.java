/**
 * Turns training episodes into the model's input tensors.
 */
package org.onepro.train.batch;
