package org.onepro.train.batch;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.onepro.data.episode.Episode;
import org.onepro.model.internal.prompt.PromptBatch;

/**
 * One step's input as tensors, all owned by the step's manager.
 *
 * @param query         query images {@code (b, C, s, s)}
 * @param queryChannels the queries' own prompt channels {@code (b, 2, s, s)}: the prompt for interactive
 *                      episodes (query = template), zeros otherwise
 * @param template      template images {@code (b, C, s, s)}
 * @param prompt        the templates' prompts
 * @param target        query masks {@code (b, 1, s, s)} in {0, 1}
 * @param episodes      the episodes, in batch order (for messages naming the culprits)
 */
public record TrainingBatch(NDArray query, NDArray queryChannels, NDArray template, PromptBatch prompt,
        NDArray target, List<Episode> episodes) {}
