/**
 * Trial: per-task adaptation. A small U-Net is trained at inference time on augmented copies of the prompted
 * template, reading the image with the registration's and the pixel classifier's cues
 * ({@link org.onepro.train.adapt.TemplateAdapter}).
 */
package org.onepro.train.adapt;
