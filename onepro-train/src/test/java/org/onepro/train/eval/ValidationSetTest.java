package org.onepro.train.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.Split;
import org.onepro.data.dataset.SplitFractions;
import org.onepro.data.dataset.Splits;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.synthetic.SyntheticTasks;

class ValidationSetTest {

    private final List<TaskDataset> tasks = SyntheticTasks.create(3, 20, 32, 1);
    private final Splits splits = Splits.create(tasks, SplitFractions.DEFAULT, 1);

    @Test
    void queriesComeFromTheSplitAskedForAndTemplatesFromTheTemplateSplit() {
        for (Split split : List.of(Split.VAL, Split.TRAIN)) {
            ValidationSet set = ValidationSet.create(tasks, splits, split, List.of(PromptType.CLICK), 1000, 1);
            assertFalse(set.cases().isEmpty(), split.key());
            Set<String> seen = new HashSet<>();
            for (ValidationCase c : set.cases()) {
                assertTrue(splits.ids(c.task(), Split.TEMPLATE).contains(c.templateId()), c.templateId());
                for (String id : c.queryIds()) {
                    assertTrue(splits.ids(c.task(), split).contains(id), id + " is not in " + split.key());
                    seen.add(c.task() + "/" + id);
                }
            }
            if (split == Split.TRAIN) {
                assertTrue(seen.size() > 3 * 2, "train queries should outnumber the val ones: " + seen);
            }
        }
    }

    @Test
    void templatesAreNotMeasuredOnThemselves() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValidationSet.create(tasks,
                splits, Split.TEMPLATE, List.of(PromptType.CLICK), 10, 1));
        assertTrue(e.getMessage().contains("template split"), e.getMessage());
    }
}
