/**
 * Engine-free float images in channels x height x width layout, their physical pixel spacing, and conversion
 * to and from {@link java.awt.image.BufferedImage} and image files.
 */
package org.onepro.core.image;
