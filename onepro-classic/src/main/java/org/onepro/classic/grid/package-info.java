/** Single-channel float images ({@link org.onepro.classic.grid.Grid}), intensity normalisation, resampling and
 * separable Gaussian filters with derivatives. */
package org.onepro.classic.grid;
