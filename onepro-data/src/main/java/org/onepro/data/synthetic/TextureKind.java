package org.onepro.data.synthetic;

/** The two families of smooth random texture {@link TextureSynthesizer} makes. */
public enum TextureKind {
    /** A sum of a few plane cosine waves with random directions and phases: striated, tissue-fibre-like. */
    WAVES,
    /** Random lattice values interpolated between lattice points: mottled, patchy. */
    VALUE_NOISE
}
