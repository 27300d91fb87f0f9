/**
 * Prompts for training and evaluation: simulated prompts of every type at graded qualities
 * ({@link org.onepro.data.prompt.PromptSimulator}, definitions in {@code docs/prompts.md}), doodles from human
 * scribble maps ({@link org.onepro.data.prompt.ScribblePrompts}) and the JSON prompt files of the One-Prompt release
 * ({@link org.onepro.data.prompt.PromptJson}).
 */
package org.onepro.data.prompt;
