package org.onepro.data.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Formats lists of offending names for error messages, short enough to read when thousands are wrong. */
final class NameLists {

    /** How many names an error message shows before summarising the rest as a count. */
    static final int SHOWN = 5;

    private NameLists() {
    }

    /**
     * Joins the first {@link #SHOWN} names and counts the rest.
     *
     * @param names the names, in the order to show them
     * @return e.g. {@code "a, b, c, d, e and 7 more"}
     */
    static String firstFew(Collection<String> names) {
        List<String> all = new ArrayList<>(names);
        String shown = String.join(", ", all.subList(0, Math.min(SHOWN, all.size())));
        return all.size() <= SHOWN ? shown : shown + " and " + (all.size() - SHOWN) + " more";
    }
}
