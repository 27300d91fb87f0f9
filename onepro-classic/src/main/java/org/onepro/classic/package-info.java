/**
 * Classical one-template segmenters, without a network: {@link org.onepro.classic.registration} (the template
 * registered onto the query, its mask warped), {@link org.onepro.classic.classifier} (a pixel classifier fitted to
 * the template's pixels) and {@link org.onepro.classic.box} (the ellipse inscribed in a box). They are the floors
 * that a one-prompt model must beat on tasks it never saw, and cues it may use. {@link org.onepro.classic.grid}
 * holds the single-channel float images and Gaussian filters they share, and {@link org.onepro.classic.features}
 * the multiscale filter bank of the pixel classifier.
 */
package org.onepro.classic;
