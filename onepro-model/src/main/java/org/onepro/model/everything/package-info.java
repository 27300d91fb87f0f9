/**
 * "Segment everything": proposals from a grid of clicks, scored and de-duplicated by mask non-maximum suppression.
 */
package org.onepro.model.everything;
