package org.onepro.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void warmsUpLinearlyThenDecaysByCosineToTheMinimum() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 1e-5, 10, 110);
        assertEquals(1e-4, s.at(0), 1e-12);
        assertEquals(1e-3, s.at(9), 1e-12);
        assertEquals(1e-3, s.at(10), 1e-12);
        assertEquals((1e-3 + 1e-5) / 2, s.at(59), 2e-5);
        assertEquals(1e-5, s.at(109), 1e-12);
        for (int step = 11; step < 110; step++) {
            assertTrue(s.at(step) <= s.at(step - 1), "decreasing at " + step);
        }
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, 1e-2, 0, 10));
    }
}
