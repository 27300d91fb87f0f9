package org.onepro.data.synthetic;

import org.onepro.core.error.InvalidInputException;

/**
 * How a region is painted: a mean intensity relative to the image's background level, plus a texture.
 *
 * @param intensityOffset the mean intensity minus the background level, in {@code [-1, 1]} (0 for the background)
 * @param texture         the texture family
 * @param textureScale    the texture's feature size as a fraction of the image side, in {@code (0, 4]}
 * @param textureContrast the texture's standard deviation in intensity units, in {@code [0, 0.5]}
 */
public record Appearance(double intensityOffset, TextureKind texture, double textureScale, double textureContrast) {

    /** Checks the ranges. */
    public Appearance {
        if (!(intensityOffset >= -1 && intensityOffset <= 1)) {
            throw new InvalidInputException("intensity offset must lie in [-1, 1], was " + intensityOffset);
        }
        if (texture == null) {
            throw new InvalidInputException("texture kind is missing");
        }
        if (!(textureScale > 0 && textureScale <= 4)) {
            throw new InvalidInputException("texture scale must lie in (0, 4], was " + textureScale);
        }
        if (!(textureContrast >= 0 && textureContrast <= 0.5)) {
            throw new InvalidInputException("texture contrast must lie in [0, 0.5], was " + textureContrast);
        }
    }
}
