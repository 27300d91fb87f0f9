/**
 * Trial (issue 25): a network trained across tasks on the classical cues of template/query pairs (registered
 * template mask, pixel-classifier probability, the images), to learn when each cue carries over to an unseen task.
 */
package org.onepro.train.cuenet;
