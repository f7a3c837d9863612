package org.storelink.model.json;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storelink.model.Violation;

/**
 * A request an adapter refuses: the HTTP status and what the RFC 9457 problem document says. Adapters throw it from
 * their routes and turn it into the answer with {@link #toJson()}.
 */
public final class ProblemException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<Violation> violations;

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The problem document. */
    public ObjectNode toJson() {
        return ProblemJson.of(status, title, getMessage(), violations);
    }
}
