package org.onepro.train.adapt;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.onepro.core.image.Image;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.augment.Augmentation;
import org.onepro.data.dataset.LabelMap;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.episode.EpisodeSampler;
import org.onepro.data.prompt.Quality;
import org.onepro.data.transform.Preprocess;

/**
 * Episodes made of one template alone: template and query are two independent augmentations of the same image
 * (pose, gamma, contrast, noise, shading), the template prompted with its own mask. No intensity curve is drawn:
 * the adapted model should learn this task's appearance, which training randomises away.
 */
final class SelfEpisodes {

    private static final String TASK = "template";
    private static final String ID = "template";
    private static final double SHADING = 0.5;

    private SelfEpisodes() {}

    /** A sampler of self-episodes at the model's input size and channel count. */
    static EpisodeSampler sampler(Image template, Mask target, int size, int channels, long seed) {
        LabeledImage sample = LabeledImage.of(TASK, ID, template.withChannels(channels), LabelMap.fromMask(target));
        TaskDataset task = new TaskDataset() {
            @Override
            public String name() {
                return TASK;
            }

            @Override
            public List<String> ids() {
                return List.of(ID);
            }

            @Override
            public LabeledImage load(String id) {
                return sample;
            }
        };
        return EpisodeSampler.builder()
                .setTasks(List.of(task))
                .setTemplateIds(name -> List.of(ID))
                .setQueryIds(name -> List.of(ID))
                .optPromptTypes(EnumSet.of(PromptType.SEGLAB))
                .optQualityMix(Map.of(Quality.ORACLE, 1.0))
                .optDifferentImageProbability(0.0)
                .optPreprocess(Preprocess.forModel(size, channels))
                .optAugment(Augmentation.independentJitter().then(Augmentation.shading(SHADING)))
                .optSeed(seed)
                .build();
    }
}
