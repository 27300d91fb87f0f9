/**
 * Procedurally generated segmentation tasks for pre-training and tests: textured scenes in which the target is
 * one shape kind among distractors of other kinds, with intensity contrasts that vary from task to task so that
 * a model has to read the prompt rather than segment the most salient object ({@link SyntheticTask}); and
 * anatomy-like structure families (cell fields, vessel trees, thin layers, lesions in an organ), every structure
 * labelled and painted with its own random look ({@link StructureTask}).
 *
 * <p>Every random draw comes from a {@link java.util.SplittableRandom} seeded from the task and sample indices,
 * and trigonometry uses {@link java.lang.StrictMath}, so a sample is the same bit for bit in any order, thread or
 * JVM process (Gaussian noise uses the JDK's own {@code nextGaussian}, stable within a JDK release).
 */
package org.onepro.data.synthetic;
