package org.storelink.branding.internal;

import java.util.List;

/** A pack with problems, each naming its field ({@code colours.primary: "#12" is not #rrggbb}). */
public final class InvalidPackException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String origin;
    private final List<String> problems;

    public InvalidPackException(String origin, List<String> problems) {
        super("branding pack " + origin + " is invalid: " + String.join("; ", problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    public String origin() {
        return origin;
    }

    public List<String> problems() {
        return problems;
    }
}
