package org.onepro.data.transform;

import org.onepro.data.dataset.LabeledImage;

import java.util.SplittableRandom;

/**
 * One preprocessing or augmentation step, applied identically to a sample's image, labels and
 * scribbles (MONAI style). Deterministic steps ignore {@code rng}; random ones draw every choice from
 * it, so the same seed gives the same result.
 */
@FunctionalInterface
public interface Transform {

    /** Transforms one sample. */
    LabeledImage apply(LabeledImage sample, SplittableRandom rng);

    /** This step followed by {@code next}. */
    default Transform then(Transform next) {
        return (sample, rng) -> next.apply(apply(sample, rng), rng);
    }
}
