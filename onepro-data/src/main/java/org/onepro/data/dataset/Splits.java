package org.onepro.data.dataset;

import org.onepro.core.io.AtomicFiles;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.onepro.core.error.InvalidInputException;

/**
 * An immutable assignment of every sample of every task to one {@link Split}.
 *
 * <p>Each task is shuffled with its own random stream, seeded from the global seed and the task's name, so adding
 * or removing a task never moves another task's samples between splits. Split files are JSON:
 * <pre>
 * {"seed": 7, "fractions": {"template": 0.1, "train": 0.7, "val": 0.1, "test": 0.1},
 *  "tasks": {"nuclei": {"template": [...], "train": [...], "val": [...], "test": [...]}}}
 * </pre>
 */
public final class Splits {

    private final long seed;
    private final SplitFractions fractions;
    private final Map<String, Map<Split, List<String>>> assignment;
    private final Map<String, Map<String, Split>> splitById;

    private Splits(long seed, SplitFractions fractions, Map<String, Map<Split, List<String>>> assignment) {
        this.seed = seed;
        this.fractions = fractions;
        Map<String, Map<Split, List<String>>> frozen = new TreeMap<>();
        Map<String, Map<String, Split>> index = new HashMap<>();
        assignment.forEach((task, bySplit) -> {
            Map<Split, List<String>> copy = new EnumMap<>(Split.class);
            Map<String, Split> ofId = new HashMap<>();
            for (Split s : Split.values()) {
                List<String> ids = new ArrayList<>(bySplit.getOrDefault(s, List.of()));
                Collections.sort(ids);
                copy.put(s, List.copyOf(ids));
                for (String id : ids) {
                    Split earlier = ofId.put(id, s);
                    if (earlier != null) {
                        throw new InvalidInputException("task " + task + ": sample '" + id + "' is in both "
                                + earlier.key() + " and " + s.key());
                    }
                }
            }
            frozen.put(task, Collections.unmodifiableMap(copy));
            index.put(task, ofId);
        });
        this.assignment = Collections.unmodifiableMap(frozen);
        this.splitById = index;
    }

    /**
     * Splits every task's samples at random.
     *
     * <p>Counts come from the fractions by largest-remainder rounding (so they sum to the task's size); then a
     * task with at least 2 samples gets at least 1 template and 1 training sample, and a task with at least 4
     * gets at least 1 validation and 1 test sample, taken from training while it can spare one. A split whose
     * fraction is exactly 0 is left empty regardless.
     *
     * @param tasks     the tasks; names must be distinct
     * @param fractions the share of each split
     * @param seed      the seed; the same seed and tasks give the same splits
     * @return the splits
     * @throws InvalidInputException if two tasks share a name or a task lists an id twice
     */
    public static Splits create(List<TaskDataset> tasks, SplitFractions fractions, long seed) {
        Map<String, Map<Split, List<String>>> assignment = new TreeMap<>();
        for (TaskDataset task : tasks) {
            if (assignment.containsKey(task.name())) {
                throw new InvalidInputException("two tasks are named '" + task.name() + "'; split names must be"
                        + " unique");
            }
            assignment.put(task.name(), assign(task, fractions, seed));
        }
        return new Splits(seed, fractions, assignment);
    }

    /**
     * Reads a split file written by {@link #write}.
     *
     * @param file the JSON file
     * @return the splits it records
     * @throws InvalidInputException if the file is missing, not JSON, or not shaped like a split file (the
     *                               message names the file and the part that is wrong)
     */
    public static Splits read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("split file " + file + " does not exist or is not a regular file");
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException("split file " + file + " could not be read: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new InvalidInputException("split file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        SplitFileReader reader = new SplitFileReader(file);
        JsonObject root = reader.object(json, "the top level");
        reader.requireKeys(root, Set.of("seed", "fractions", "tasks"), "the top level");
        long seed = reader.longValue(root.get("seed"), "seed");
        JsonObject fr = reader.object(root.get("fractions"), "fractions");
        reader.requireKeys(fr, splitKeys(), "fractions");
        SplitFractions fractions;
        try {
            fractions = new SplitFractions(reader.doubleValue(fr.get("template"), "fractions.template"),
                    reader.doubleValue(fr.get("train"), "fractions.train"),
                    reader.doubleValue(fr.get("val"), "fractions.val"),
                    reader.doubleValue(fr.get("test"), "fractions.test"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("split file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Map<Split, List<String>>> assignment = new TreeMap<>();
        for (Map.Entry<String, JsonElement> task : reader.object(root.get("tasks"), "tasks").entrySet()) {
            String where = "tasks." + task.getKey();
            JsonObject splits = reader.object(task.getValue(), where);
            reader.requireKeys(splits, splitKeys(), where);
            Map<Split, List<String>> bySplit = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                bySplit.put(s, reader.strings(splits.get(s.key()), where + "." + s.key()));
            }
            assignment.put(task.getKey(), bySplit);
        }
        try {
            return new Splits(seed, fractions, assignment);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("split file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reuses a split file when there is one, otherwise creates splits and writes them there, so that every run
     * of an experiment sees the same split even if the seed or fractions on its command line change.
     *
     * <p>An existing file wins over {@code fractions} and {@code seed}. Tasks the file does not know yet are
     * split with the file's seed and fractions (which gives them the split {@link #create} would have) and the
     * file is rewritten with them; everything the file does record must still match the tasks.
     *
     * @param file      the split file
     * @param tasks     the tasks now available
     * @param fractions the fractions for a new file
     * @param seed      the seed for a new file
     * @return the splits
     * @throws InvalidInputException if the file is malformed, names a task that is not among {@code tasks}, lists
     *                               an id its task no longer has, or misses an id its task has gained (the message
     *                               names the file, the task and up to five ids)
     */
    public static Splits loadOrCreate(Path file, List<TaskDataset> tasks, SplitFractions fractions, long seed) {
        if (!Files.exists(file)) {
            Splits created = create(tasks, fractions, seed);
            created.write(file);
            return created;
        }
        Splits existing = read(file);
        Map<String, TaskDataset> byName = new LinkedHashMap<>();
        for (TaskDataset task : tasks) {
            byName.put(task.name(), task);
        }
        for (String name : existing.tasks()) {
            TaskDataset task = byName.get(name);
            if (task == null) {
                throw new InvalidInputException("split file " + file + " names task '" + name + "', which is not"
                        + " among the tasks opened (" + NameLists.firstFew(byName.keySet()) + ")");
            }
            existing.requireSameIds(file, task);
        }
        List<TaskDataset> added = new ArrayList<>();
        for (TaskDataset task : tasks) {
            if (!existing.assignment.containsKey(task.name())) {
                added.add(task);
            }
        }
        if (added.isEmpty()) {
            return existing;
        }
        Map<String, Map<Split, List<String>>> merged = new TreeMap<>(existing.assignment);
        merged.putAll(create(added, existing.fractions, existing.seed).assignment);
        Splits extended = new Splits(existing.seed, existing.fractions, merged);
        extended.write(file);
        return extended;
    }

    /**
     * Writes these splits as pretty-printed JSON, replacing the file atomically.
     *
     * @param file the file to create or replace; missing parent folders are created
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        JsonObject root = new JsonObject();
        root.addProperty("seed", seed);
        JsonObject fr = new JsonObject();
        for (Split s : Split.values()) {
            fr.addProperty(s.key(), fractions.of(s));
        }
        root.add("fractions", fr);
        JsonObject tasks = new JsonObject();
        assignment.forEach((task, bySplit) -> {
            JsonObject t = new JsonObject();
            bySplit.forEach((s, ids) -> {
                JsonArray array = new JsonArray();
                ids.forEach(array::add);
                t.add(s.key(), array);
            });
            tasks.add(task, t);
        });
        root.add("tasks", tasks);
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n");
    }

    /**
     * The seed the splits were drawn with.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The fractions the splits were drawn with.
     *
     * @return the fractions
     */
    public SplitFractions fractions() {
        return fractions;
    }

    /**
     * The names of the split tasks.
     *
     * @return the names, sorted
     */
    public SortedSet<String> tasks() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(assignment.keySet()));
    }

    /**
     * The ids of one task in one split.
     *
     * @param task  the task name
     * @param split the split
     * @return the ids, sorted
     * @throws InvalidInputException if the task is not split here
     */
    public List<String> ids(String task, Split split) {
        return bySplit(task).get(split);
    }

    /**
     * The split one sample belongs to.
     *
     * @param task the task name
     * @param id   the sample id
     * @return its split
     * @throws InvalidInputException if the task or the id is not split here
     */
    public Split splitOf(String task, String id) {
        bySplit(task);
        Split s = splitById.get(task).get(id);
        if (s == null) {
            throw new InvalidInputException("task " + task + " has no sample '" + id + "' in these splits");
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Splits other && other.seed == seed && other.fractions.equals(fractions)
                && other.assignment.equals(assignment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, fractions, assignment);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Splits[seed " + seed + ", " + fractions);
        assignment.forEach((task, bySplit) -> {
            sb.append(", ").append(task).append(' ');
            bySplit.forEach((s, ids) -> sb.append(s == Split.TEMPLATE ? "" : "/").append(ids.size()));
        });
        return sb.append(']').toString();
    }

    /**
     * The number of samples per split for a task of {@code n} samples, indexed by {@link Split#ordinal()}.
     *
     * @param n         the task's size
     * @param fractions the shares
     * @return four counts summing to {@code n}
     */
    static int[] counts(int n, SplitFractions fractions) {
        Split[] splits = Split.values();
        int[] count = new int[splits.length];
        double[] remainder = new double[splits.length];
        int given = 0;
        for (Split s : splits) {
            double exact = fractions.of(s) * n;
            count[s.ordinal()] = (int) Math.floor(exact);
            remainder[s.ordinal()] = exact - count[s.ordinal()];
            given += count[s.ordinal()];
        }
        // Largest remainders first, earlier splits on ties; a zero fraction never receives a sample.
        while (given < n) {
            int best = -1;
            for (Split s : splits) {
                int k = s.ordinal();
                if (fractions.of(s) > 0 && (best < 0 || remainder[k] > remainder[best])) {
                    best = k;
                }
            }
            count[best]++;
            remainder[best] -= 1;
            given++;
        }
        int[] min = new int[splits.length];
        for (Split s : splits) {
            int needed = s == Split.VAL || s == Split.TEST ? 4 : 2;
            min[s.ordinal()] = fractions.of(s) > 0 && n >= needed ? 1 : 0;
        }
        // The minimums sum to at most 2 below 4 samples and at most 4 from there on, so a donor always exists.
        for (Split s : splits) {
            int k = s.ordinal();
            while (count[k] < min[k]) {
                int donor = donor(count, min, k);
                count[donor]--;
                count[k]++;
            }
        }
        return count;
    }

    private static int donor(int[] count, int[] min, int receiver) {
        int train = Split.TRAIN.ordinal();
        if (receiver != train && count[train] > min[train]) {
            return train;
        }
        int best = -1;
        for (int k = 0; k < count.length; k++) {
            if (k != receiver && count[k] > min[k] && (best < 0 || count[k] - min[k] > count[best] - min[best])) {
                best = k;
            }
        }
        return best;
    }

    private static Map<Split, List<String>> assign(TaskDataset task, SplitFractions fractions, long seed) {
        List<String> ids = new ArrayList<>(task.ids());
        Collections.sort(ids);
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i).equals(ids.get(i - 1))) {
                throw new InvalidInputException("task " + task.name() + " lists the id '" + ids.get(i) + "' twice");
            }
        }
        // Shuffling the sorted ids makes the result independent of the order the task happens to list them in.
        SplittableRandom rng = new SplittableRandom(taskSeed(seed, task.name()));
        for (int i = ids.size() - 1; i > 0; i--) {
            Collections.swap(ids, i, rng.nextInt(i + 1));
        }
        int[] count = counts(ids.size(), fractions);
        Map<Split, List<String>> bySplit = new EnumMap<>(Split.class);
        int from = 0;
        for (Split s : Split.values()) {
            int to = from + count[s.ordinal()];
            bySplit.put(s, ids.subList(from, to));
            from = to;
        }
        return bySplit;
    }

    /** A per-task seed; String.hashCode is specified by the JLS, so split files stay reproducible everywhere. */
    static long taskSeed(long seed, String task) {
        return mix64(mix64(seed) ^ task.hashCode());
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Map<Split, List<String>> bySplit(String task) {
        Map<Split, List<String>> bySplit = assignment.get(task);
        if (bySplit == null) {
            throw new InvalidInputException("task '" + task + "' is not split here; split tasks: "
                    + NameLists.firstFew(assignment.keySet()));
        }
        return bySplit;
    }

    private void requireSameIds(Path file, TaskDataset task) {
        Set<String> now = new HashSet<>(task.ids());
        Set<String> recorded = splitById.get(task.name()).keySet();
        List<String> gone = recorded.stream().filter(id -> !now.contains(id)).sorted().toList();
        if (!gone.isEmpty()) {
            throw new InvalidInputException("split file " + file + " lists " + gone.size() + " id(s) that task "
                    + task.name() + " no longer has: " + NameLists.firstFew(gone)
                    + "; delete the file to split afresh");
        }
        List<String> unknown = now.stream().filter(id -> !recorded.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("task " + task.name() + " has " + unknown.size() + " sample(s) that"
                    + " split file " + file + " does not list: " + NameLists.firstFew(unknown)
                    + "; delete the file to split afresh");
        }
    }

    private static Set<String> splitKeys() {
        Set<String> keys = new HashSet<>();
        for (Split s : Split.values()) {
            keys.add(s.key());
        }
        return keys;
    }

    /** Reads the parts of a split file's JSON, naming the file and the part in every error. */
    private record SplitFileReader(Path file) {

        JsonObject object(JsonElement e, String where) {
            if (e == null || !e.isJsonObject()) {
                throw error(where + " must be a JSON object");
            }
            return e.getAsJsonObject();
        }

        void requireKeys(JsonObject o, Set<String> keys, String where) {
            if (!o.keySet().equals(keys)) {
                throw error(where + " has the keys " + new TreeSet<>(o.keySet()) + " but needs exactly "
                        + new TreeSet<>(keys));
            }
        }

        long longValue(JsonElement e, String where) {
            try {
                return number(e, where).getAsBigDecimal().longValueExact();
            } catch (ArithmeticException ex) {
                throw error(where + " must be a whole number that fits a long, not " + e);
            }
        }

        double doubleValue(JsonElement e, String where) {
            return number(e, where).getAsDouble();
        }

        List<String> strings(JsonElement e, String where) {
            if (e == null || !e.isJsonArray()) {
                throw error(where + " must be a JSON array of ids");
            }
            List<String> out = new ArrayList<>();
            for (JsonElement item : e.getAsJsonArray()) {
                if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                    throw error(where + " holds " + item + ", which is not a string id");
                }
                out.add(item.getAsString());
            }
            return out;
        }

        private JsonPrimitive number(JsonElement e, String where) {
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw error(where + " must be a number, not " + e);
            }
            return e.getAsJsonPrimitive();
        }

        private InvalidInputException error(String problem) {
            return new InvalidInputException("split file " + file + ": " + problem);
        }
    }
}
