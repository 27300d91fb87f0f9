/**
 * Seeded data augmentation for training: small {@link org.onepro.data.transform.Transform}s that draw every random
 * choice from the {@link java.util.SplittableRandom} they are given, so one seed always reproduces one sample.
 * Geometric steps move image, labels and scribbles together (labels and scribbles by nearest neighbour, never
 * interpolated); intensity steps touch only the image and expect it normalised to {@code [0, 1]}.
 */
package org.onepro.data.augment;
