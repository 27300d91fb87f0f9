package org.onepro.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;

class SyntheticTasksTest {

    private static final long SEED = 11;

    @Test
    void aTaskDoesNotDependOnHowManyTasksAreCreated() {
        List<TaskDataset> few = SyntheticTasks.create(3, 4, 64, SEED);
        List<TaskDataset> many = SyntheticTasks.create(10, 4, 64, SEED);

        assertEquals(3, few.size());
        assertEquals(10, many.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("synthetic-" + i, few.get(i).name());
            assertEquals(((SyntheticTask) few.get(i)).spec(), ((SyntheticTask) many.get(i)).spec());
            assertEquals(few.get(i).load("0003"), many.get(i).load("0003"));
        }
    }

    @Test
    void twentyTasksUseAtLeastFourTargetKinds() {
        Set<ShapeKind> kinds = EnumSet.noneOf(ShapeKind.class);
        for (TaskDataset task : SyntheticTasks.create(20, 1, 64, SEED)) {
            kinds.add(((SyntheticTask) task).spec().target().kind());
        }

        assertTrue(kinds.size() >= 4, "target kinds used: " + kinds);
    }

    @Test
    void distractorsAreOtherKindsThanTheTarget() {
        for (TaskDataset task : SyntheticTasks.create(20, 1, 64, SEED)) {
            SyntheticTaskSpec spec = ((SyntheticTask) task).spec();
            Set<ShapeKind> kinds = EnumSet.of(spec.target().kind());
            for (ObjectStyle d : spec.distractors()) {
                assertTrue(kinds.add(d.kind()), task.name() + " repeats kind " + d.kind());
            }
        }
    }

    @Test
    void targetIntensityIsAboveTheBackgroundInSomeTasksAndBelowInOthers() {
        int brighter = 0;
        int darker = 0;
        for (TaskDataset task : SyntheticTasks.create(20, 4, 64, SEED)) {
            double targetSum = 0;
            double backgroundSum = 0;
            long targetCount = 0;
            long backgroundCount = 0;
            for (String id : task.ids()) {
                LabeledImage sample = task.load(id);
                float[] pixels = sample.image().channel(0);
                int[] labels = sample.labels().data();
                for (int i = 0; i < pixels.length; i++) {
                    if (labels[i] == 1) {
                        targetSum += pixels[i];
                        targetCount++;
                    } else {
                        backgroundSum += pixels[i];
                        backgroundCount++;
                    }
                }
            }
            double difference = targetSum / targetCount - backgroundSum / backgroundCount;
            // A margin keeps "similar" tasks, whose sign is a coin toss, from counting either way.
            if (difference > 0.03) {
                brighter++;
            } else if (difference < -0.03) {
                darker++;
            }
        }

        assertTrue(brighter >= 3 && darker >= 3, "brighter tasks " + brighter + ", darker tasks " + darker);
    }

    @Test
    void someTasksHaveDistractorsThatLookExactlyLikeTheTarget() {
        int shared = 0;
        int distinct = 0;
        for (TaskDataset task : SyntheticTasks.create(20, 1, 64, SEED)) {
            SyntheticTaskSpec spec = ((SyntheticTask) task).spec();
            boolean any = spec.distractors().stream()
                    .anyMatch(d -> d.appearance().equals(spec.target().appearance()));
            if (any) {
                shared++;
            } else {
                distinct++;
            }
        }

        assertTrue(shared >= 3 && distinct >= 3, "shared " + shared + ", distinct " + distinct);
    }

    @Test
    void specsRejectDistractorsOfTheTargetsKindAndBadCounts() {
        SyntheticTaskSpec spec = ((SyntheticTask) SyntheticTasks.create(1, 1, 64, SEED).get(0)).spec();
        ObjectStyle target = spec.target();
        List<ObjectStyle> clash = new ArrayList<>(spec.distractors());
        clash.set(0, new ObjectStyle(target.kind(), target.appearance(), 0.1, 0.2, 1, 1));
        ObjectStyle fourTargets = new ObjectStyle(target.kind(), target.appearance(), 0.1, 0.2, 1, 4);

        assertThrows(InvalidInputException.class, () -> new SyntheticTaskSpec(64, 0.5, spec.background(), target,
                clash, 0.01, 0, 0, 1));
        assertThrows(InvalidInputException.class, () -> new SyntheticTaskSpec(64, 0.5, spec.background(),
                fourTargets, spec.distractors(), 0.01, 0, 0, 1));
        assertThrows(InvalidInputException.class, () -> new SyntheticTaskSpec(64, 0.5, spec.background(), target,
                spec.distractors().subList(0, 1), 0.01, 0, 0, 1));
    }
}
