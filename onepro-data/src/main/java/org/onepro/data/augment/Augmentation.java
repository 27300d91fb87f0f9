package org.onepro.data.augment;

import org.onepro.data.transform.Transform;

/**
 * Ready-made augmentation pipelines. They are meant to run after
 * {@link org.onepro.data.transform.Preprocess#forModel}: the intensity steps expect a {@code [0, 1]} image, and
 * resampling the fixed-size canvas costs the same for every sample. The caller applies a pipeline to the query and
 * to the template separately, each with its own random stream.
 */
public final class Augmentation {

    private Augmentation() {
    }

    /**
     * Returns the default training augmentation, in this order (geometry first so the intensity steps see the
     * final pixels, noise last so gamma and contrast do not reshape it):
     * <ol>
     * <li>{@link Flip}: left-right and top-bottom, each with probability 0.5;</li>
     * <li>{@link AffineJitter}: probability 0.5, rotation within +-15 degrees, scale 0.85 to 1.15, translation
     * within +-8 % of each side;</li>
     * <li>{@link GammaJitter}: probability 0.3, gamma 0.7 to 1.5;</li>
     * <li>{@link ContrastJitter}: probability 0.3, factor 0.75 to 1.25;</li>
     * <li>{@link GaussianNoise}: probability 0.2, standard deviation 0 to 0.03.</li>
     * </ol>
     * The ranges stay within what differing scanners, protocols and patient positioning produce, so augmented
     * images still look like plausible scans; the probabilities leave a fair share of samples nearly untouched.
     *
     * @return the pipeline
     */
    public static Transform standard() {
        return mirrors()
                .then(poseJitter())
                .then(intensityJitter());
    }

    /**
     * Returns {@link #standard()} without its flips, for use beside {@link #mirrors()} applied to the pair with
     * shared draws: the affine, gamma, contrast and noise steps, drawn independently for query and template.
     *
     * @return the pipeline
     */
    public static Transform independentJitter() {
        return poseJitter().then(intensityJitter());
    }

    /**
     * Returns the geometric part of training augmentation, meant to be applied to query and template with the
     * <em>same</em> draws: the flips of {@link #mirrors()}, then {@link #standard()}'s affine step. The
     * model still sees every orientation, size and position, but a template from the same scan as its query stays
     * where the data put it, so the template's mask keeps the shape the query's target has.
     *
     * @return the pipeline
     */
    public static Transform sharedGeometry() {
        return mirrors().then(sharedPose());
    }

    /**
     * Returns the per-image part that goes with {@link #sharedGeometry()}: a small affine step (probability 0.3,
     * rotation within +-3 degrees, scale 0.97 to 1.03, translation within +-2 % of each side), the size of the
     * movement between neighbouring slices or repeated scans, then the gamma, contrast and noise steps of
     * {@link #standard()}.
     *
     * @return the pipeline
     */
    public static Transform residualJitter() {
        return new AffineJitter(0.3, 3, 0.97, 1.03, 0.02).then(intensityJitter());
    }

    /**
     * Returns the mirroring of training augmentation: left-right and top-bottom, each with probability 0.5. Scans of
     * one task share an orientation in practice, so training mirrors query and template with the same draws: the
     * template's target stays where the query's is and left and right stay apart, while the model still sees every
     * orientation. It is applied to the original images, before they are letterboxed onto the model grid
     * ({@code EpisodeSampler.Builder#optOrientation}): a
     * mirrored scan at inference is letterboxed with its padding at the bottom and right like any other; mirroring
     * on the grid instead would put the padding of half the training images at the top or left, and the model
     * learns that side as the orientation (docs/design-decisions.md, entry 18).
     *
     * @return the mirroring step
     */
    public static Transform mirrors() {
        return new Flip(0.5, 0.5);
    }

    /**
     * Returns the affine step of {@link #sharedGeometry()} without its flips, for a pair whose mirroring
     * {@link #mirrors()} did before the letterbox: the pair still rotates, scales and shifts together.
     *
     * @return the pipeline
     */
    public static Transform sharedPose() {
        return poseJitter();
    }

    /**
     * Returns the shared part of appearance randomisation, for query and template with the same draws: with the
     * given probability, one {@link IntensityCurve} of 2 to 6 knots. The pair keeps looking alike; which
     * brightness the target has is decided anew for every episode.
     *
     * @param probability chance that an episode's pair is remapped
     * @return the step
     */
    public static Transform sharedAppearance(double probability) {
        return new IntensityCurve(probability, 6);
    }

    /**
     * Returns the per-image part of appearance randomisation: with the given probability, a {@link BiasField} of
     * strength 0.3 drawn for each image on its own, as two scans of one patient are shaded differently.
     *
     * @param probability chance that an image is shaded
     * @return the step
     */
    public static Transform shading(double probability) {
        return new BiasField(probability, 0.3);
    }

    /** The affine step of {@link #standard()}: the spread of patient positioning and scanner fields of view. */
    private static Transform poseJitter() {
        return new AffineJitter(0.5, 15, 0.85, 1.15, 0.08);
    }

    /** The intensity steps every pipeline ends with, drawn for each image on its own. */
    private static Transform intensityJitter() {
        return new GammaJitter(0.3, 0.7, 1.5)
                .then(new ContrastJitter(0.3, 0.75, 1.25))
                .then(new GaussianNoise(0.2, 0, 0.03));
    }

    /**
     * Returns the pipeline that changes nothing, for validation and for switching augmentation off.
     *
     * @return a transform that returns its input and draws nothing from the random generator
     */
    public static Transform none() {
        return (sample, rng) -> sample;
    }
}
