package org.onepro.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onepro.core.error.InvalidInputException;
import org.onepro.data.dataset.TaskFolders.ListedTask;

class SplitsTest {

    @TempDir
    Path tmp;

    private static TaskDataset task(String name, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("%s_%03d", name, i));
        }
        return new ListedTask(name, ids);
    }

    private static int[] sizes(Splits s, String task) {
        int[] out = new int[Split.values().length];
        for (Split split : Split.values()) {
            out[split.ordinal()] = s.ids(task, split).size();
        }
        return out;
    }

    @Test
    void fractionsAreRespectedWithinRounding() {
        SplitFractions f = new SplitFractions(0.15, 0.55, 0.2, 0.1);
        for (int n : new int[] {10, 37, 100, 101}) {
            Splits s = Splits.create(List.of(task("t", n)), f, 3);
            int[] sizes = sizes(s, "t");
            int total = 0;
            for (Split split : Split.values()) {
                assertTrue(Math.abs(sizes[split.ordinal()] - f.of(split) * n) < 1, n + " " + split);
                total += sizes[split.ordinal()];
            }
            assertEquals(n, total);
        }
        assertArrayEquals(new int[] {10, 70, 10, 10}, sizes(Splits.create(List.of(task("t", 100)),
                SplitFractions.DEFAULT, 1), "t"));
    }

    @Test
    void everySampleIsInExactlyOneSplitAndListsAreSorted() {
        TaskDataset t = task("t", 23);
        Splits s = Splits.create(List.of(t), SplitFractions.DEFAULT, 5);

        Set<String> seen = new HashSet<>();
        for (Split split : Split.values()) {
            List<String> ids = s.ids("t", split);
            List<String> sorted = new ArrayList<>(ids);
            Collections.sort(sorted);
            assertEquals(sorted, ids);
            for (String id : ids) {
                assertTrue(seen.add(id), id);
                assertEquals(split, s.splitOf("t", id));
            }
        }
        assertEquals(new HashSet<>(t.ids()), seen);
    }

    @Test
    void smallTasksStillGetTheMinimumSplits() {
        SplitFractions f = SplitFractions.DEFAULT;
        assertArrayEquals(new int[] {0, 1, 0, 0}, Splits.counts(1, f));
        assertArrayEquals(new int[] {1, 1, 0, 0}, Splits.counts(2, f));
        int[] three = Splits.counts(3, f);
        assertTrue(three[0] >= 1 && three[1] >= 1 && three[0] + three[1] + three[2] + three[3] == 3);
        assertArrayEquals(new int[] {1, 1, 1, 1}, Splits.counts(4, f));
        int[] five = Splits.counts(5, f);
        assertArrayEquals(new int[] {1, 2, 1, 1}, five);
        // Train cannot spare a sample here, so the test sample comes from the largest other split.
        assertArrayEquals(new int[] {1, 1, 1, 1}, Splits.counts(4, new SplitFractions(0.5, 0.2, 0.15, 0.15)));
    }

    @Test
    void aZeroFractionLeavesItsSplitEmpty() {
        assertArrayEquals(new int[] {2, 8, 0, 0}, Splits.counts(10, new SplitFractions(0.2, 0.8, 0, 0)));
        assertArrayEquals(new int[] {0, 5, 0, 0}, Splits.counts(5, new SplitFractions(0, 1, 0, 0)));
    }

    @Test
    void theSameSeedGivesIdenticalSplitsWhateverTheIdOrder() {
        TaskDataset t = task("t", 40);
        List<String> reversed = new ArrayList<>(t.ids());
        Collections.reverse(reversed);

        Splits a = Splits.create(List.of(t), SplitFractions.DEFAULT, 42);
        Splits b = Splits.create(List.of(new ListedTask("t", reversed)), SplitFractions.DEFAULT, 42);

        assertEquals(a, b);
    }

    @Test
    void aDifferentSeedGivesDifferentSplits() {
        List<TaskDataset> tasks = List.of(task("t", 40));

        Splits a = Splits.create(tasks, SplitFractions.DEFAULT, 1);
        Splits b = Splits.create(tasks, SplitFractions.DEFAULT, 2);

        assertNotEquals(a.ids("t", Split.TRAIN), b.ids("t", Split.TRAIN));
    }

    @Test
    void addingATaskLeavesTheOtherTasksSplitsUnchanged() {
        TaskDataset a = task("a", 30);
        TaskDataset c = task("c", 17);
        Splits before = Splits.create(List.of(a, c), SplitFractions.DEFAULT, 9);

        Splits after = Splits.create(List.of(a, task("b", 12), c), SplitFractions.DEFAULT, 9);

        assertEquals(Set.of("a", "b", "c"), after.tasks());
        for (String name : List.of("a", "c")) {
            for (Split split : Split.values()) {
                assertEquals(before.ids(name, split), after.ids(name, split));
            }
        }
    }

    @Test
    void twoTasksWithOneNameAreAnError() {
        assertThrows(InvalidInputException.class,
                () -> Splits.create(List.of(task("a", 3), task("a", 4)), SplitFractions.DEFAULT, 1));
    }

    @Test
    void writeThenReadGivesEqualSplits() throws IOException {
        Splits s = Splits.create(List.of(task("a", 12), task("b", 5)), new SplitFractions(0.2, 0.6, 0.1, 0.1),
                -7_000_000_000L);
        Path file = tmp.resolve("sub/splits.json");

        s.write(file);
        Splits back = Splits.read(file);

        assertEquals(s, back);
        assertEquals(-7_000_000_000L, back.seed());
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(0.2, json.getAsJsonObject("fractions").get("template").getAsDouble());
        assertEquals(s.ids("b", Split.TRAIN).size(),
                json.getAsJsonObject("tasks").getAsJsonObject("b").getAsJsonArray("train").size());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void loadOrCreateWritesAFileAndThenReusesIt() throws IOException {
        List<TaskDataset> tasks = List.of(task("a", 20));
        Path file = tmp.resolve("splits.json");

        Splits first = Splits.loadOrCreate(file, tasks, SplitFractions.DEFAULT, 1);
        String written = Files.readString(file);
        Splits again = Splits.loadOrCreate(file, tasks, new SplitFractions(0.25, 0.25, 0.25, 0.25), 2);

        assertEquals(Splits.create(tasks, SplitFractions.DEFAULT, 1), first);
        assertEquals(first, again);
        assertEquals(written, Files.readString(file));
    }

    @Test
    void loadOrCreateSplitsNewTasksWithTheFilesSeedAndRecordsThem() {
        Path file = tmp.resolve("splits.json");
        Splits.loadOrCreate(file, List.of(task("a", 20)), SplitFractions.DEFAULT, 1);

        Splits grown = Splits.loadOrCreate(file, List.of(task("a", 20), task("b", 10)), SplitFractions.DEFAULT, 99);

        assertEquals(Splits.create(List.of(task("a", 20), task("b", 10)), SplitFractions.DEFAULT, 1), grown);
        assertEquals(grown, Splits.read(file));
    }

    @Test
    void aFileNamingAMissingIdIsAnError() {
        Path file = tmp.resolve("splits.json");
        Splits.create(List.of(task("a", 6)), SplitFractions.DEFAULT, 1).write(file);
        List<String> fewer = new ArrayList<>(task("a", 6).ids());
        fewer.remove("a_004");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Splits.loadOrCreate(file, List.of(new ListedTask("a", fewer)), SplitFractions.DEFAULT, 1));

        assertTrue(e.getMessage().contains("a_004") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aFileNamingAMissingTaskOrMissingANewIdIsAnError() {
        Path file = tmp.resolve("splits.json");
        Splits.create(List.of(task("a", 6), task("b", 3)), SplitFractions.DEFAULT, 1).write(file);

        InvalidInputException gone = assertThrows(InvalidInputException.class,
                () -> Splits.loadOrCreate(file, List.of(task("a", 6)), SplitFractions.DEFAULT, 1));
        InvalidInputException grown = assertThrows(InvalidInputException.class,
                () -> Splits.loadOrCreate(file, List.of(task("a", 7), task("b", 3)), SplitFractions.DEFAULT, 1));

        assertTrue(gone.getMessage().contains("'b'"), gone.getMessage());
        assertTrue(grown.getMessage().contains("a_006"), grown.getMessage());
    }

    @Test
    void malformedFilesAreErrorsNamingTheFileAndTheProblem() throws IOException {
        Path notJson = Files.writeString(tmp.resolve("bad.json"), "{ nope");
        Path noFractions = Files.writeString(tmp.resolve("nofr.json"), "{\"seed\": 1, \"tasks\": {}}");
        Path twice = Files.writeString(tmp.resolve("twice.json"), "{\"seed\": 1, \"fractions\": {\"template\": 0.1,"
                + " \"train\": 0.7, \"val\": 0.1, \"test\": 0.1}, \"tasks\": {\"t\": {\"template\": [\"x\"],"
                + " \"train\": [\"x\"], \"val\": [], \"test\": []}}}");
        Path badSum = Files.writeString(tmp.resolve("sum.json"), "{\"seed\": 1, \"fractions\": {\"template\": 0.5,"
                + " \"train\": 0.7, \"val\": 0.1, \"test\": 0.1}, \"tasks\": {}}");
        Path fractionalSeed = Files.writeString(tmp.resolve("seed.json"), "{\"seed\": 1.5, \"fractions\":"
                + " {\"template\": 0.1, \"train\": 0.7, \"val\": 0.1, \"test\": 0.1}, \"tasks\": {}}");

        for (Path f : List.of(notJson, noFractions, twice, badSum, fractionalSeed, tmp.resolve("absent.json"))) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Splits.read(f));
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Splits.read(twice));
        assertTrue(e.getMessage().contains("'x' is in both template and train"), e.getMessage());
    }

    @Test
    void unknownTasksAndIdsAreErrors() {
        Splits s = Splits.create(List.of(task("a", 5)), SplitFractions.DEFAULT, 1);

        assertThrows(InvalidInputException.class, () -> s.ids("b", Split.TRAIN));
        assertThrows(InvalidInputException.class, () -> s.splitOf("a", "nope"));
        assertEquals(new TreeSet<>(Set.of("a")), s.tasks());
    }

    @Test
    void fractionsMustBeNonNegativeAndSumToOne() {
        assertThrows(InvalidInputException.class, () -> new SplitFractions(-0.1, 0.9, 0.1, 0.1));
        assertThrows(InvalidInputException.class, () -> new SplitFractions(0.1, 0.7, 0.1, 0.2));
        assertThrows(InvalidInputException.class, () -> new SplitFractions(Double.NaN, 0.7, 0.1, 0.2));
        SplitFractions nearlyOne = new SplitFractions(0.1, 0.7, 0.1, 0.1 + 5e-10);
        assertEquals(0.7, nearlyOne.of(Split.TRAIN));
        assertEquals(1.0, SplitFractions.DEFAULT.template() + SplitFractions.DEFAULT.train()
                + SplitFractions.DEFAULT.val() + SplitFractions.DEFAULT.test(), 1e-12);
    }

    @Test
    void splitKeysRoundTrip() {
        for (Split s : Split.values()) {
            assertEquals(s, Split.fromKey(s.key()));
        }
        assertThrows(InvalidInputException.class, () -> Split.fromKey("TRAIN"));
    }
}
