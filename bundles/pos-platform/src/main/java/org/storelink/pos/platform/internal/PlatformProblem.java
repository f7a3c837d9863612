package org.storelink.pos.platform.internal;

import java.util.List;

import org.storelink.model.Violation;

/** A request the adapter refuses, with what the problem JSON answer says. */
final class PlatformProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<Violation> violations;

    PlatformProblem(int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    List<Violation> violations() {
        return violations;
    }
}
