/**
 * The outcome of segmenting one image: probabilities, the thresholded mask and the model's own quality estimate.
 */
package org.onepro.core.result;
