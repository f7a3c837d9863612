package org.storelink.pos.platform.internal;

import java.util.ArrayList;
import java.util.List;

import org.storelink.model.Violation;

/**
 * What reading one platform body found wrong, in two kinds: a malformed body (400: not JSON, a field missing or of
 * the wrong type) and a well-formed one that cannot be mapped to a canonical sale (422: no GTIN, figures that do
 * not add up). Paths are the platform's own JSON paths, such as {@code line_items[0].price}.
 */
final class Findings {
    private final List<Violation> malformed = new ArrayList<>();
    private final List<Violation> unmappable = new ArrayList<>();

    void malformed(String path, String message) {
        malformed.add(new Violation(path, message));
    }

    void unmappable(String path, String message) {
        unmappable.add(new Violation(path, message));
    }

    List<Violation> malformed() {
        return List.copyOf(malformed);
    }

    List<Violation> unmappable() {
        return List.copyOf(unmappable);
    }

    boolean isEmpty() {
        return malformed.isEmpty() && unmappable.isEmpty();
    }

    int size() {
        return malformed.size() + unmappable.size();
    }
}
