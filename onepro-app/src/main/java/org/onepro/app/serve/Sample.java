package org.onepro.app.serve;

import org.onepro.core.image.Image;
import org.onepro.data.dataset.LabelMap;

import java.util.Optional;

/**
 * One image the page can show and prompt: a task's sample (with its ground truth) or an upload (without).
 *
 * @param task  the task name, or {@link Workspace#UPLOADS}
 * @param id    the sample id within the task
 * @param image the image as the model takes it
 * @param truth its label map, when the data has one
 */
record Sample(String task, String id, Image image, Optional<LabelMap> truth) {
}
