package org.onepro.app.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.onepro.core.error.InvalidInputException;

/**
 * Which images of a task are templates and which are queries: the ids sorted by name, {@code k} of them drawn
 * without replacement by a generator seeded from the user's seed and the task's name, every other image a query.
 *
 * @param templates the chosen template ids, sorted by name
 * @param queries   every other id, sorted by name
 */
public record TemplateChoice(List<String> templates, List<String> queries) {

    /**
     * Copies the lists.
     *
     * @param templates the template ids
     * @param queries   the query ids
     */
    public TemplateChoice {
        templates = List.copyOf(templates);
        queries = List.copyOf(queries);
    }

    /**
     * Chooses the templates of one task.
     *
     * @param ids  the task's image ids, in any order (they are sorted first, so the choice does not depend on
     *             how a file system lists them)
     * @param k    templates to choose, at least 1 and fewer than the number of ids
     * @param seed the user's seed
     * @param task the task's name, mixed into the seed
     * @return the split
     * @throws InvalidInputException if {@code k} is below 1 or leaves no query
     */
    public static TemplateChoice choose(List<String> ids, int k, long seed, String task) {
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        if (k < 1 || k >= sorted.size()) {
            throw new InvalidInputException("task " + task + " has " + sorted.size() + " image(s): too few for " + k
                    + " template(s) and at least one query");
        }
        // A partial Fisher-Yates shuffle: the first k positions end up a uniform k-subset.
        List<String> order = new ArrayList<>(sorted);
        SplittableRandom rng = new SplittableRandom(Seeds.of(seed, "templates", task));
        for (int i = 0; i < k; i++) {
            Collections.swap(order, i, i + rng.nextInt(order.size() - i));
        }
        List<String> templates = new ArrayList<>(order.subList(0, k));
        Collections.sort(templates);
        List<String> queries = new ArrayList<>(sorted);
        queries.removeAll(templates);
        return new TemplateChoice(templates, queries);
    }
}
