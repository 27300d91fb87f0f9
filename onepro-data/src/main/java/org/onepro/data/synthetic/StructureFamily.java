package org.onepro.data.synthetic;

/**
 * Families of anatomy-like structures that scenes of separate shapes ({@link ShapeKind}) do not cover: many small
 * instances, branching thin trees, thin layers and small lesions inside an organ. Every structure of a scene is
 * labelled, so one image holds several targets and only the prompt says which is meant.
 */
public enum StructureFamily {
    /** A field of 8 to 59 small cells (label 1) among an optional second population of other cells (label 2). */
    CELL_FIELD,
    /** A branching vessel tree 1.5 to 6 pixels thick (label 1), with an optional disc (2) and small spots (3). */
    VESSEL_TREE,
    /** A stack of 3 to 7 thin curved layers, each its own label, the target being any one of them. */
    LAYERED_BANDS,
    /** One to five small lesions (label 1) inside an organ (label 2), with an optional second organ (3). */
    LESIONS
}
