package org.onepro.data.synthetic;

/** The families of shapes a synthetic scene is built from; a task's target is one kind, its distractors others. */
public enum ShapeKind {
    /** A rotated ellipse. */
    ELLIPSE,
    /** A smooth irregular lump: a radius modulated by a few low-frequency sinusoids of the angle. */
    BLOB,
    /** A thin vessel-like curve, 1.5 to 4 pixels thick, that may branch once. */
    TUBE,
    /** An elliptical annulus whose hole shows what lies beneath. */
    RING,
    /** An irregular convex polygon or a star. */
    POLYGON
}
