package org.storelink.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storelink.model.Violation;

class ProblemJsonTest {

    @Test
    void buildsAnRfc9457DocumentWithFieldErrors() {
        ObjectNode problem = ProblemJson.of(422, "Invalid sale", "2 problems",
                List.of(new Violation("lines[0].gtin", "check digit is 3, expected 2"),
                        new Violation("tenders", "at least one tender is required")));

        assertThat(problem.get("type").textValue()).isEqualTo("about:blank");
        assertThat(problem.get("title").textValue()).isEqualTo("Invalid sale");
        assertThat(problem.get("status").intValue()).isEqualTo(422);
        assertThat(problem.get("detail").textValue()).isEqualTo("2 problems");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("field").textValue()).isEqualTo("lines[0].gtin");
        assertThat(problem.get("errors").get(0).get("reason").textValue()).isEqualTo("check digit is 3, expected 2");
    }

    @Test
    void usesTheGivenTypeAndLeavesOutWhatIsAbsent() {
        ObjectNode problem = ProblemJson.of("https://storelink.org/problems/unknown-store", 404, "Unknown store",
                null, List.of());

        assertThat(problem.get("type").textValue()).isEqualTo("https://storelink.org/problems/unknown-store");
        assertThat(problem.has("detail")).isFalse();
        assertThat(problem.has("errors")).isFalse();
    }
}
