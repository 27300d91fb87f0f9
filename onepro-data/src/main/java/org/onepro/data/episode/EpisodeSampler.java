package org.onepro.data.episode;

import org.onepro.core.error.InvalidInputException;
import org.onepro.core.mask.Mask;
import org.onepro.core.prompt.Prompt;
import org.onepro.core.prompt.PromptType;
import org.onepro.data.dataset.LabeledImage;
import org.onepro.data.dataset.TaskDataset;
import org.onepro.data.prompt.PromptSimulator;
import org.onepro.data.prompt.Quality;
import org.onepro.data.prompt.ScribblePrompts;
import org.onepro.data.transform.Transform;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Draws training episodes {@code (query, query mask, template, template prompt)} from many tasks
 * (docs/model-contract.md §5, §8.3):
 *
 * <ul>
 *   <li>a task, uniformly over tasks (balanced, not proportional to their sizes), or by the relative weights
 *       given to {@link Builder#optTaskWeights} (a task not named weighs 1);
 *   <li>a query from the task's query ids and a target label present in it;
 *   <li>a template from the task's template ids holding the same label, a different image from the
 *       query with probability {@code differentImage} (default 0.9); with probability
 *       {@code interactive} the episode is interactive instead (template = query);
 *   <li>an optional orientation (mirroring) of the original images, before preprocessing letterboxes them onto
 *       the model grid, so a mirrored image looks as a mirrored scan does at inference (its padding stays at the
 *       bottom and right); then preprocessing, then an optional shared augmentation with the same draws for query
 *       and template, then augmentation of each independently;
 *   <li>a prompt of a type drawn from the enabled types and a quality drawn from the quality mix,
 *       simulated on the augmented template mask; when the type is a doodle, the template carries human
 *       scribbles and the task has a single label, the human doodle is used instead with probability
 *       {@code humanDoodle} (default 0.5), so real strokes are seen beside simulated ones.
 * </ul>
 *
 * <p>Episode {@code i} is computed from its own generator seeded by {@code (seed, i)}, so the stream
 * is the same for the same seed whatever the number of worker threads ({@link EpisodeStream}).
 */
public final class EpisodeSampler implements EpisodeSource {

    private static final int MAX_ATTEMPTS = 50;

    private final List<TaskDataset> tasks;
    private final Function<String, List<String>> templateIds;
    private final Function<String, List<String>> queryIds;
    private final List<PromptType> promptTypes;
    private final WeightedDraw<Quality> qualities;
    private final double differentImage;
    private final double interactive;
    private final double interactiveEnd;
    private final long interactiveAnneal;
    private final Transform preprocess;
    private final Transform augment;
    private final Transform shared;
    private final Transform orientation;
    private final boolean orientationShared;
    private final PromptSource prompts;
    private final double humanDoodle;
    private final long seed;
    /** The weighted task draw, null when tasks are drawn uniformly. */
    private final WeightedDraw<TaskDataset> weightedTasks;
    private final Map<String, Set<Integer>> labelCache = new ConcurrentHashMap<>();

    private EpisodeSampler(Builder b) {
        this.templateIds = b.templateIds;
        this.queryIds = b.queryIds;
        this.promptTypes = List.copyOf(b.promptTypes);
        this.qualities = new WeightedDraw<>(List.copyOf(b.qualityMix.keySet()),
                b.qualityMix.values().stream().mapToDouble(Double::doubleValue).toArray());
        this.differentImage = b.differentImage;
        this.interactive = b.interactive;
        this.interactiveEnd = b.interactiveEnd;
        this.interactiveAnneal = b.interactiveAnneal;
        this.preprocess = b.preprocess;
        this.augment = b.augment;
        this.shared = b.shared;
        this.orientation = b.orientation;
        this.orientationShared = b.orientationShared;
        this.prompts = b.prompts;
        this.humanDoodle = b.humanDoodle;
        this.seed = b.seed;
        List<TaskDataset> usable = new ArrayList<>();
        for (TaskDataset t : b.tasks) {
            if (!templateIds.apply(t.name()).isEmpty() && !queryIds.apply(t.name()).isEmpty()) {
                usable.add(t);
            }
        }
        if (usable.isEmpty()) {
            throw new InvalidInputException("no task has both template and query samples");
        }
        this.tasks = List.copyOf(usable);
        this.weightedTasks = weightedTasks(tasks, b.taskWeights);
    }

    /**
     * The weighted draw over the usable tasks; null for uniform draws, so a sampler without weights draws its task
     * exactly as before weights existed.
     */
    private static WeightedDraw<TaskDataset> weightedTasks(List<TaskDataset> tasks, Map<String, Double> weights) {
        if (weights.isEmpty()) {
            return null;
        }
        Set<String> unknown = new TreeSet<>(weights.keySet());
        tasks.forEach(t -> unknown.remove(t.name()));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("task weights name tasks this sampler does not draw from: " + unknown
                    + "; its tasks are " + tasks.stream().map(TaskDataset::name).toList());
        }
        return new WeightedDraw<>(tasks,
                tasks.stream().mapToDouble(t -> weights.getOrDefault(t.name(), 1.0)).toArray());
    }

    private TaskDataset drawTask(SplittableRandom rng) {
        return weightedTasks == null ? tasks.get(rng.nextInt(tasks.size())) : weightedTasks.draw(rng);
    }

    /** A builder; tasks and id lists are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The tasks episodes are drawn from (those with template and query samples). */
    public List<TaskDataset> tasks() {
        return tasks;
    }

    /** Episode number {@code index} of this sampler's stream. */
    @Override
    public Episode episode(long index) {
        SplittableRandom rng = new SplittableRandom(mix(seed, index));
        // The task is drawn once: retrying with another task would favour tasks that succeed more often.
        TaskDataset task = drawTask(rng);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Episode e = tryEpisode(index, task, rng);
            if (e != null) {
                return e;
            }
        }
        throw new IllegalStateException("episode " + index + " of task " + task.name() + ": no query/template pair"
                + " with a common non-empty target after " + MAX_ATTEMPTS + " attempts");
    }

    private Episode tryEpisode(long index, TaskDataset task, SplittableRandom rng) {
        List<String> queries = queryIds.apply(task.name());
        LabeledImage rawQuery = task.load(queries.get(rng.nextInt(queries.size())));
        SortedSet<Integer> labels = rawQuery.labels().labels();
        if (labels.isEmpty()) {
            return null;
        }
        int label = new ArrayList<>(labels).get(rng.nextInt(labels.size()));
        boolean isInteractive = rng.nextDouble() < interactiveProbability(index);
        LabeledImage rawTemplate = isInteractive ? rawQuery : template(task, rawQuery, label, rng);
        if (rawTemplate == null) {
            return null;
        }
        // Drawn only when a shared augmentation is set, so streams without one stay as they were.
        long sharedSeed = shared == null ? 0 : rng.nextLong();
        long orientationSeed = orientation == null ? 0 : rng.nextLong();
        LabeledImage template = augment.apply(shared(preprocess.apply(oriented(rawTemplate, orientationSeed, rng),
                rng), sharedSeed), rng);
        LabeledImage query = isInteractive ? template
                : augment.apply(shared(preprocess.apply(oriented(rawQuery, orientationSeed, rng), rng), sharedSeed),
                        rng);
        Mask templateMask = template.labels().mask(label);
        Mask queryMask = query.labels().mask(label);
        if (templateMask.isEmpty() || queryMask.isEmpty()) {
            return null;
        }
        PromptType type = promptTypes.get(rng.nextInt(promptTypes.size()));
        Quality quality = qualities.draw(rng);
        Prompt human = humanDoodle(type, template, rng);
        Prompt prompt = human != null ? human : prompts.prompt(type, templateMask, quality, rng);
        return new Episode(index, task.name(), label, query, queryMask, template, templateMask, prompt,
                human != null ? Optional.empty() : Optional.of(quality),
                isInteractive);
    }

    /** The orientation of an original image: with the pair's draws from {@code seed} when shared, else its own. */
    private LabeledImage oriented(LabeledImage sample, long seed, SplittableRandom rng) {
        if (orientation == null) {
            return sample;
        }
        return orientation.apply(sample, orientationShared ? new SplittableRandom(seed) : rng);
    }

    /** The shared augmentation with draws from {@code seed}: equal seeds give query and template the same. */
    private LabeledImage shared(LabeledImage sample, long seed) {
        return shared == null ? sample : shared.apply(sample, new SplittableRandom(seed));
    }

    /**
     * The template's human doodle when one may stand in for a simulated one. Scribbles carry one foreground
     * class, so they are only unambiguous when the template has a single label.
     */
    private Prompt humanDoodle(PromptType type, LabeledImage template, SplittableRandom rng) {
        if (type != PromptType.DOODLE || template.scribbles().isEmpty() || template.labels().labels().size() != 1
                || rng.nextDouble() >= humanDoodle) {
            return null;
        }
        return ScribblePrompts.fromScribbles(template.scribbles().get()).orElse(null);
    }

    /** A template holding {@code label}: a different image with probability differentImage when one exists. */
    private LabeledImage template(TaskDataset task, LabeledImage query, int label, SplittableRandom rng) {
        boolean wantDifferent = rng.nextDouble() < differentImage;
        if (!wantDifferent) {
            return query;
        }
        List<String> holders = new ArrayList<>();
        for (String id : templateIds.apply(task.name())) {
            if (!id.equals(query.id()) && labelsOf(task, id).contains(label)) {
                holders.add(id);
            }
        }
        return holders.isEmpty() ? null : task.load(holders.get(rng.nextInt(holders.size())));
    }

    /** The interactive probability at an episode index: linear from the start value to the end value. */
    double interactiveProbability(long index) {
        if (index >= interactiveAnneal) {
            return interactiveEnd;
        }
        double t = index / (double) interactiveAnneal;
        return interactive + (interactiveEnd - interactive) * t;
    }

    /** The labels of a sample, loaded once per sampler (templates are read often to find a label). */
    private Set<Integer> labelsOf(TaskDataset task, String id) {
        return labelCache.computeIfAbsent(task.name() + "/" + id, k -> task.load(id).labels().labels());
    }

    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Builds an {@link EpisodeSampler}. */
    public static final class Builder {
        private List<TaskDataset> tasks;
        private Function<String, List<String>> templateIds;
        private Function<String, List<String>> queryIds;
        private Set<PromptType> promptTypes = EnumSet.allOf(PromptType.class);
        // An EnumMap, so qualities are drawn in enum order: Map.of and Map.copyOf iterate in an order that changes
        // from one JVM to the next, which made the same seed draw other qualities after a restart.
        private EnumMap<Quality, Double> qualityMix = new EnumMap<>(Map.of(Quality.ORACLE, 0.25, Quality.HIGH, 0.35,
                Quality.MEDIUM, 0.25, Quality.LOW, 0.15));
        private double differentImage = 0.9;
        private double interactive = 0.0;
        private double interactiveEnd = 0.0;
        private long interactiveAnneal = 0;
        private Transform preprocess = (s, r) -> s;
        private Transform augment = (s, r) -> s;
        private Transform shared;
        private Transform orientation;
        private boolean orientationShared;
        private PromptSource prompts = PromptSimulator::simulate;
        private double humanDoodle = 0.5;
        private long seed;
        private Map<String, Double> taskWeights = Map.of();

        private Builder() {}

        /** The tasks to draw from (required). */
        public Builder setTasks(List<TaskDataset> tasks) {
            this.tasks = List.copyOf(tasks);
            return this;
        }

        /** Template ids per task name, e.g. the TEMPLATE split (required). */
        public Builder setTemplateIds(Function<String, List<String>> ids) {
            this.templateIds = ids;
            return this;
        }

        /** Query ids per task name, e.g. the TRAIN split (required). */
        public Builder setQueryIds(Function<String, List<String>> ids) {
            this.queryIds = ids;
            return this;
        }

        /** How template prompts are made (default: {@link PromptSimulator#simulate}). */
        public Builder optPromptSource(PromptSource source) {
            this.prompts = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Probability that a doodle episode uses the template's human scribbles, when it has them and its
         * task has a single label (default 0.5).
         */
        public Builder optHumanDoodleProbability(double p) {
            this.humanDoodle = probability(p, "human-doodle probability");
            return this;
        }

        /**
         * Relative weights of tasks by name (default none: tasks are drawn uniformly). A task not named weighs 1;
         * naming a task the sampler does not have is refused when it is built.
         */
        public Builder optTaskWeights(Map<String, Double> weights) {
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                if (e.getValue() == null || !(e.getValue() > 0) || e.getValue().isInfinite()) {
                    throw new IllegalArgumentException("the weight of task " + e.getKey()
                            + " must be a positive number, not " + e.getValue());
                }
            }
            this.taskWeights = Map.copyOf(weights);
            return this;
        }

        /** Enabled prompt types, drawn uniformly (default: all four). */
        public Builder optPromptTypes(Set<PromptType> types) {
            if (types.isEmpty()) {
                throw new IllegalArgumentException("at least one prompt type must be enabled");
            }
            this.promptTypes = EnumSet.copyOf(types);
            return this;
        }

        /** Relative weights of prompt qualities (default oracle .25, high .35, medium .25, low .15). */
        public Builder optQualityMix(Map<Quality, Double> mix) {
            if (mix.isEmpty() || mix.values().stream().anyMatch(v -> v < 0)
                    || mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw new IllegalArgumentException("quality weights must be non-negative with a positive sum: " + mix);
            }
            if (mix.containsKey(Quality.WRONG) && mix.get(Quality.WRONG) > 0) {
                throw new IllegalArgumentException("WRONG prompts are a negative control, not training data");
            }
            this.qualityMix = new EnumMap<>(mix);
            return this;
        }

        /** Probability that a non-interactive template is a different image from the query (default 0.9). */
        public Builder optDifferentImageProbability(double p) {
            this.differentImage = probability(p, "different-image probability");
            return this;
        }

        /** Probability of an interactive episode, template = query (default 0). */
        public Builder optInteractiveProbability(double p) {
            return optInteractiveProbability(p, p, 0);
        }

        /**
         * Anneals the interactive probability linearly from {@code start} at episode 0 to {@code end} at episode
         * {@code episodes}, constant after: many interactive episodes early teach the model to look at its prompt
         * (docs/model-contract.md §8.3) before cross-image episodes dominate.
         */
        public Builder optInteractiveProbability(double start, double end, long episodes) {
            if (episodes < 0) {
                throw new IllegalArgumentException("annealing length must not be negative: " + episodes);
            }
            this.interactive = probability(start, "interactive probability");
            this.interactiveEnd = probability(end, "final interactive probability");
            this.interactiveAnneal = episodes;
            return this;
        }

        /** Deterministic preprocessing applied to every sample first (default none). */
        public Builder optPreprocess(Transform t) {
            this.preprocess = t;
            return this;
        }

        /** Random augmentation applied to query and template independently (default none). */
        public Builder optAugment(Transform t) {
            this.augment = t;
            return this;
        }

        /**
         * Random augmentation applied to query and template with the same draws, before {@link #optAugment}
         * (default none): the pair moves together, as slices of one scan do.
         */
        public Builder optSharedAugment(Transform t) {
            this.shared = java.util.Objects.requireNonNull(t, "shared augmentation");
            return this;
        }

        /**
         * Random orientation (mirroring) applied to the original query and template before {@link #optPreprocess}
         * (default none), with the same draws for the pair when {@code sameForPair}. Mirroring after the letterbox
         * would also move its padding to the top or left, where no image at inference has it, and the model would
         * learn the padding's side as a cue to the orientation.
         */
        public Builder optOrientation(Transform t, boolean sameForPair) {
            this.orientation = Objects.requireNonNull(t, "orientation");
            this.orientationShared = sameForPair;
            return this;
        }

        /** The stream's seed (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The sampler. */
        public EpisodeSampler build() {
            if (tasks == null || templateIds == null || queryIds == null) {
                throw new IllegalStateException("tasks, template ids and query ids are required");
            }
            return new EpisodeSampler(this);
        }

        private static double probability(double p, String what) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(what + " must lie in [0, 1], not " + p);
            }
            return p;
        }
    }
}
