/**
 * Cues of a prompt on its own image (interactive use, or turning a sparse prompt on a template into a template
 * mask): seeds the prompt makes sure of, geodesic distances from them, a pixel classifier fitted to them, and the
 * prompt's geometry ({@link org.onepro.classic.interactive.InteractiveCues}).
 */
package org.onepro.classic.interactive;
