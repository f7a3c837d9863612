package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.storelink.model.Violation;
import org.storelink.model.json.ProblemException;

class JsonBodyTest {

    private static ProblemException refused(byte[] body) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> JsonBody.parse(body));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).extracting(Violation::path).containsExactly("$");
        return problem;
    }

    private static JsonNode parse(String json) throws ProblemException {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invalidUtf8IsRefusedWithWhere() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};

        assertThat(refused(body).getMessage()).contains("not valid UTF-8").contains("byte");
    }

    @Test
    void utf16WithOrWithoutBomIsRefusedRatherThanGuessed() {
        refused("{\"a\":1}".getBytes(StandardCharsets.UTF_16));
        refused("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE));
        refused("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1,2]", "\"text\"", "{\"a\":1,\"a\":2}", "{\"a\":1} {\"b\":2}", "{\"a\":",
            "{'a':1}", "{\"a\":NaN}"})
    void anythingButOneCleanJsonObjectIsRefused(String body) {
        assertThat(refused(body.getBytes(StandardCharsets.UTF_8)).violations().get(0).message()).isNotBlank();
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        refused(deep.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idsKeepEveryDigit() throws Exception {
        Findings findings = new Findings();
        JsonNode node = parse("{\"a\":5234567890123456789,\"b\":98765432109876543210,\"c\":\"eA3vss-LHK_J\"}");

        assertThat(JsonBody.id(findings, node, "a", "a", true)).isEqualTo("5234567890123456789");
        assertThat(JsonBody.id(findings, node, "b", "b", true)).isEqualTo("98765432109876543210");
        assertThat(JsonBody.id(findings, node, "c", "c", true)).isEqualTo("eA3vss-LHK_J");
        assertThat(findings.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.2098291194615450E17", "1.5", "-3", "0", "\"a/b\"", "\"\"", "true", "[1]"})
    void badIdsAreMalformed(String value) throws Exception {
        Findings findings = new Findings();

        assertThat(JsonBody.id(findings, parse("{\"id\":" + value + "}"), "id", "id", true)).isNull();
        assertThat(findings.malformed()).extracting(Violation::path).containsExactly("id");
    }

    @ParameterizedTest
    @CsvSource({
        "7.00, USD, 700",
        "7, USD, 700",
        "0.05, CNY, 5",
        "1500, JPY, 1500",
        "1500.00, JPY, 1500",
        "1.250, KWD, 1250",
        "-2.50, USD, -250"})
    void majorTextBecomesMinorUnitsByTheCurrencysExponent(String text, String currency, long minor) {
        Findings findings = new Findings();

        assertThat(JsonBody.major(findings, text, "price", currency)).isEqualTo(minor);
        assertThat(findings.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "1500.5, JPY",
        "7.005, USD",
        "99999999999999999999, USD"})
    void majorTextThatCannotBeExactMinorUnitsIsUnmappable(String text, String currency) {
        Findings findings = new Findings();

        assertThat(JsonBody.major(findings, text, "price", currency)).isNull();
        assertThat(findings.unmappable()).extracting(Violation::path).containsExactly("price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7,00", "1e3", "", " 7.00", "7.", ".5", "123456789012345678901234567890123"})
    void majorTextThatIsNotAPlainDecimalIsMalformed(String text) {
        Findings findings = new Findings();

        assertThat(JsonBody.major(findings, text, "price", "USD")).isNull();
        assertThat(findings.malformed()).extracting(Violation::path).containsExactly("price");
    }

    @Test
    void minorIntegersMustBeWholeAndInRange() throws Exception {
        Findings findings = new Findings();
        JsonNode node = parse("{\"a\":100,\"b\":1.5,\"c\":100000000000000000000,\"d\":\"100\"}");

        assertThat(JsonBody.minorInteger(findings, node, "a", "a")).isEqualTo(100);
        assertThat(JsonBody.minorInteger(findings, node, "b", "b")).isNull();
        assertThat(JsonBody.minorInteger(findings, node, "c", "c")).isNull();
        assertThat(JsonBody.minorInteger(findings, node, "d", "d")).isNull();
        assertThat(findings.malformed()).extracting(Violation::path).containsExactly("b", "d");
        assertThat(findings.unmappable()).extracting(Violation::path).containsExactly("c");
    }

    @Test
    void textThatCannotBeStoredIsMalformed() throws Exception {
        Findings findings = new Findings();
        JsonNode node = parse("{\"nul\":\"a\\u0000b\",\"half\":\"tea\\ud800\",\"pair\":\"\\ud83c\\udf75 tea\"}");

        assertThat(JsonBody.text(findings, node, "nul", "nul", true)).isNull();
        assertThat(JsonBody.text(findings, node, "half", "half", true)).isNull();
        assertThat(JsonBody.text(findings, node, "pair", "pair", true)).isEqualTo("\uD83C\uDF75 tea");
        assertThat(findings.malformed()).extracting(Violation::path).containsExactly("nul", "half");
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String text = "a".repeat(199) + "\uD83C\uDF75";

        assertThat(Texts.truncate(text, 200)).hasSize(199);
        assertThat(Texts.unstorable(Texts.truncate(text, 200))).isEmpty();
    }
}
