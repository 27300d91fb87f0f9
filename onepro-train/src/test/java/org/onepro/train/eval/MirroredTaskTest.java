package org.onepro.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.BBox;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.SplitFractions;
import org.onepro.data.dataset.Splits;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.synthetic.SyntheticTasks;

class MirroredTaskTest {

    private final TaskDataset task = SyntheticTasks.create(1, 20, 32, 1).get(0);

    @Test
    void everySampleIsMirroredTheSameWay() {
        TaskDataset upsideDown = new MirroredTask(task, MirroredTask.Mirror.VERTICAL);
        for (String id : task.ids().subList(0, 5)) {
            LabeledImage original = task.load(id);
            LabeledImage mirrored = upsideDown.load(id);
            int h = original.image().height();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < original.image().width(); x++) {
                    assertEquals(original.image().get(0, y, x), mirrored.image().get(0, h - 1 - y, x));
                    assertEquals(original.labels().get(y, x), mirrored.labels().get(h - 1 - y, x));
                }
            }
        }
        assertEquals(task.load(task.ids().get(0)), new MirroredTask(task, MirroredTask.Mirror.NONE)
                .load(task.ids().get(0)));
    }

    @Test
    void validationPromptsAreDrawnOnTheMirroredTemplates() {
        TaskDataset mirrored = new MirroredTask(task, MirroredTask.Mirror.BOTH);
        Splits splits = Splits.create(List.of(task), SplitFractions.DEFAULT, 1);
        ValidationSet set = ValidationSet.create(List.of(mirrored), splits, Split.VAL, List.of(PromptType.BBOX), 10,
                1);
        for (ValidationCase c : set.cases()) {
            Mask target = mirrored.load(c.templateId()).labels().mask(c.label());
            int[] box = target.boundingBox().orElseThrow();
            BBox prompt = (BBox) c.prompt();
            // An Oracle box hugs the target it was drawn on, within a pixel.
            assertTrue(Math.abs(prompt.x0() - box[0]) <= 1 && Math.abs(prompt.y1() - box[3]) <= 1,
                    prompt + " against the mirrored target's box " + java.util.Arrays.toString(box));
        }
    }

    @Test
    void anUnknownMirrorIsRefusedNamingTheValidOnes() {
        assertEquals(MirroredTask.Mirror.BOTH, MirroredTask.Mirror.fromName("Both"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MirroredTask.Mirror.fromName("diagonal"));
        assertTrue(e.getMessage().contains("diagonal") && e.getMessage().contains("vertical"), e.getMessage());
    }
}
