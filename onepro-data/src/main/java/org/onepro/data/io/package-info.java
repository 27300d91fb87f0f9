/**
 * Reading and writing 2-D image and label files (PNG, JPEG, BMP, GIF, TIFF through {@code javax.imageio}),
 * and the atomic file writing that every OnePro writer shares.
 */
package org.onepro.data.io;
