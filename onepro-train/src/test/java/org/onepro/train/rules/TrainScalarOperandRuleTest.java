package org.onepro.train.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onepro.model.rules.ScalarOperandRuleTest;

/** docs/engine-notes.md §4.1 for the training code: losses and optimisers run under a gradient too. */
class TrainScalarOperandRuleTest {

    @Test
    void noNumberOperandsReachScalarSensitiveOps() throws IOException {
        List<String> violations = ScalarOperandRuleTest.violations(Paths.get("target/classes"));
        assertTrue(violations.isEmpty(), "use Scalars.of(...) instead of Number operands:\n"
                + String.join("\n", violations));
    }
}
