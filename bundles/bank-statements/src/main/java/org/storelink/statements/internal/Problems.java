package org.storelink.statements.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.storelink.model.Violation;

/** The problems found in one document, each with its element path. Keeps the first {@link #MAX} of them. */
final class Problems {
    static final int MAX = 100;
    private static final int IN_REASON = 10;

    private final List<Violation> list = new ArrayList<>();
    private int count;

    void add(String path, String message) {
        count++;
        if (list.size() < MAX) {
            list.add(new Violation(path, message));
        }
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<Violation> list() {
        return List.copyOf(list);
    }

    /** One line for people: the first problems, and how many more there are. */
    static String reason(List<Violation> problems, int count) {
        String shown = problems.stream().limit(IN_REASON).map(Violation::toString)
                .collect(Collectors.joining("; "));
        int more = count - Math.min(IN_REASON, problems.size());
        return more > 0 ? shown + " (and " + more + " more)" : shown;
    }
}
