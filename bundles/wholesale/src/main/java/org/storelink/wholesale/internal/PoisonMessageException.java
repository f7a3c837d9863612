package org.storelink.wholesale.internal;

import java.util.List;

/** A message that can never be processed: it is dead-lettered at once, with every problem as the reason. */
final class PoisonMessageException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    PoisonMessageException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    PoisonMessageException(String problem) {
        this(List.of(problem));
    }

    List<String> problems() {
        return problems;
    }
}
