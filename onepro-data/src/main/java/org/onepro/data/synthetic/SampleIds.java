package org.onepro.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.onepro.core.error.InvalidInputException;

/** The ids of a generated task's samples: zero-padded indices, at least four digits, that sort in index order. */
final class SampleIds {

    private static final int MIN_DIGITS = 4;

    private SampleIds() {
    }

    /**
     * Lists the ids of {@code count} samples.
     *
     * @param task  the task's name, for the error
     * @param count how many, positive
     * @return {@code 0000, 0001, ...}
     */
    static List<String> of(String task, int count) {
        if (count <= 0) {
            throw new InvalidInputException(task + " needs at least one sample, was " + count);
        }
        int digits = Math.max(MIN_DIGITS, String.valueOf(count - 1).length());
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(String.format("%0" + digits + "d", i));
        }
        return List.copyOf(list);
    }

    /** Parses an id; ids are exactly the strings {@link #of} lists, so "7" or "00007" are unknown. */
    static int index(String task, List<String> ids, String id) {
        int width = ids.get(0).length();
        if (id != null && id.length() == width && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(id);
            if (value < ids.size()) {
                return value;
            }
        }
        throw new InvalidInputException(task + " has no sample '" + id + "'; its ids run from " + ids.get(0)
                + " to " + ids.get(ids.size() - 1));
    }
}
