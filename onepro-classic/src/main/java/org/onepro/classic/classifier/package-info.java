/** A pixel classifier fitted to one template's pixels ({@link org.onepro.classic.classifier.PixelClassifier}). */
package org.onepro.classic.classifier;
