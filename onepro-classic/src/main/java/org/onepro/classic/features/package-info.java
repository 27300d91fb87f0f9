/** The multiscale filter bank of the pixel classifier ({@link org.onepro.classic.features.FilterBank}). */
package org.onepro.classic.features;
