package org.storelink.wholesale.internal;

import java.util.List;

/** A partner message that cannot be read or applied, with every problem named. */
final class MalformedResponseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    MalformedResponseException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
