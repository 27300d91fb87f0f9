/**
 * Binary segmentation masks and per-pixel foreground probability maps.
 */
package org.onepro.core.mask;
