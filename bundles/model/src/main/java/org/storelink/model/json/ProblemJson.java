package org.storelink.model.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.storelink.model.Violation;

/** RFC 9457 problem documents, so every HTTP endpoint reports errors in one shape. */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** RFC 9457: the type to use when the problem has no more specific meaning than its status. */
    public static final String ABOUT_BLANK = "about:blank";

    private ProblemJson() {
    }

    public static ObjectNode of(int status, String title, String detail, List<Violation> violations) {
        return of(ABOUT_BLANK, status, title, detail, violations);
    }

    /**
     * @param type a URI naming the kind of problem, or null for {@code about:blank}
     * @param detail omitted when null
     * @param violations written as {@code errors: [{field, reason}]}; omitted when null or empty
     */
    public static ObjectNode of(String type, int status, String title, String detail,
            List<Violation> violations) {
        ObjectNode problem = Json.mapper().createObjectNode();
        problem.put("type", type == null ? ABOUT_BLANK : type);
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (violations != null && !violations.isEmpty()) {
            ArrayNode errors = problem.putArray("errors");
            for (Violation violation : violations) {
                errors.addObject()
                        .put("field", violation.path())
                        .put("reason", violation.message());
            }
        }
        return problem;
    }
}
