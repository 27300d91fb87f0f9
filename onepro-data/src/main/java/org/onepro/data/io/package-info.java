/**
 * Reading and writing 2-D image and label files (PNG, JPEG, BMP, GIF, TIFF through {@code javax.imageio}).
 */
package org.onepro.data.io;
