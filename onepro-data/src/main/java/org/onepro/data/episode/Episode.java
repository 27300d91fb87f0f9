package org.onepro.data.episode;

import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.prompt.Quality;

import java.util.Optional;

/**
 * One training episode: segment in {@code query} the target that {@code prompt} marks on
 * {@code template}. Images are already preprocessed and augmented; masks and prompt are in the same
 * (model) pixel grid.
 *
 * @param index the episode's position in its sampler's stream
 * @param task the task name
 * @param label the target label within the task
 * @param query the query sample
 * @param queryMask the query's target mask
 * @param template the template sample
 * @param templateMask the template's target mask
 * @param prompt the prompt on the template
 * @param quality the simulated prompt's quality, or empty when a person drew the prompt (human scribbles)
 * @param interactive true when the query is the template itself (the query then carries the prompt)
 */
public record Episode(long index, String task, int label, LabeledImage query, Mask queryMask,
        LabeledImage template, Mask templateMask, Prompt prompt, Optional<Quality> quality,
        boolean interactive) {}
