/**
 * The public entry point: {@link org.onepro.model.segment.Segmenter} segments a query image from one prompted
 * template (or several, ensembled), encodes a template once for many queries
 * ({@link org.onepro.model.segment.PreparedTemplate}), and runs interactive sessions on a single image.
 */
package org.onepro.model.segment;
