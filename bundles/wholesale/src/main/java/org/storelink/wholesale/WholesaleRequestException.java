package org.storelink.wholesale;

import java.util.List;
import java.util.stream.Collectors;

import org.storelink.model.Violation;

/** A request that cannot be carried out, with every problem named by its field. */
public class WholesaleRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public WholesaleRequestException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public WholesaleRequestException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
