package org.onepro.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainMainTest {

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        try {
            int code = TrainMain.run(args);
            return new String[] {Integer.toString(code), outBytes.toString(StandardCharsets.UTF_8),
                errBytes.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    @Test
    void badConfigsExitWithTwoAndNameTheProblem() {
        String[] missing = run(tmp.resolve("nope.json").toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("nope.json"), missing[2]);

        String[] zero = run("dataRoots=x", "batchSize=0");
        assertEquals("2", zero[0]);
        assertTrue(zero[2].contains("batchSize"), zero[2]);

        String[] flag = run("--for-steps", "soon");
        assertEquals("2", flag[0]);
        assertTrue(flag[2].contains("--for-steps"), flag[2]);
    }

    @Test
    void aMissingDataRootIsNamed() {
        String[] r = run("dataRoots=" + tmp.resolve("absent"), "outputDir=" + tmp.resolve("out"), "preset=tiny");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("absent"), r[2]);
    }

    @Test
    void aShortRunFinishesAndWritesItsModelLogsAndPlots() {
        Path out = tmp.resolve("run");
        String[] r = run("preset=tiny", "steps=6", "batchSize=2", "syntheticRatio=1", "syntheticTasks=3",
                "syntheticSamples=8", "autoencoderSteps=2", "validationQueries=1", "checkpointEvery=3",
                "outputDir=" + out);
        assertEquals("0", r[0], r[2]);
        for (String file : new String[] {"model/model.json", "model/weights.npz", "model/training-config.json",
            "best-model/model.json", "steps.csv", "validation.csv", "loss.png", "validation.png", "config.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " in " + r[1]);
        }
    }
}
