/**
 * Segmenting a 3-D volume slice by slice from one prompted template slice.
 */
package org.onepro.model.volume;
