/**
 * Short runnable programs that show the library from Java, one feature each; run them with
 * {@code scripts/example CLASS [args]} from the repository root (README: "Using it from Java"). They read the
 * bundled demo data ({@code data/demo}) unless given other paths, and write what they make under
 * {@code target/examples/}.
 */
package org.onepro.examples.guide;
