package org.storelink.promotions.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.storelink.model.Violation;

/**
 * A catalog the brand has to fix: dead-lettered with every problem as the reason, and the brand is sent
 * {@code reply}, a {@code promotion-catalog-rejected} document naming each problem by its path.
 */
public final class CatalogRejectedException extends PoisonMessageException {
    private static final long serialVersionUID = 1L;
    /** Longest dead-letter reason; the reply to the brand always has every problem. */
    static final int MAX_REASON = 4000;

    private final transient List<Violation> problems;
    private final String reply;

    CatalogRejectedException(List<Violation> problems, String reply) {
        super(reason(problems));
        this.problems = List.copyOf(problems);
        this.reply = reply;
    }

    List<Violation> problems() {
        return problems;
    }

    String reply() {
        return reply;
    }

    static String reason(List<Violation> problems) {
        String all = problems.stream().map(Violation::toString).collect(Collectors.joining("; "));
        if (all.length() <= MAX_REASON) {
            return all;
        }
        StringBuilder reason = new StringBuilder();
        int shown = 0;
        for (Violation problem : problems) {
            String next = problem.toString();
            if (reason.length() + next.length() + 2 > MAX_REASON - 40) {
                break;
            }
            reason.append(shown == 0 ? "" : "; ").append(next);
            shown++;
        }
        return reason + "; ... and " + (problems.size() - shown) + " more problem(s)";
    }
}
