package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.storelink.model.Violation;

class RequestReaderTest {

    private static RequestReader.Result read(Consumer<ObjectNode> change) {
        ObjectNode node = TestRequests.valid();
        change.accept(node);
        return RequestReader.read(TestRequests.bytes(node));
    }

    private static ObjectNode item(ObjectNode request, int index) {
        return (ObjectNode) request.get("items").get(index);
    }

    private static ObjectNode dropOff(ObjectNode request) {
        return (ObjectNode) request.get("dropOff");
    }

    private static ObjectNode window(ObjectNode request) {
        return (ObjectNode) request.get("window");
    }

    @Test
    void aValidRequestIsReadWithGtinsNormalisedAndOffsetsKept() {
        RequestReader.Result result = RequestReader.read(TestRequests.bytes(TestRequests.VALID));

        assertThat(result.violations()).isEmpty();
        OrderRequest order = result.request();
        assertThat(order.orderRef()).isEqualTo("WX-20261126-0042");
        assertThat(order.items()).extracting(item -> item.gtin().value())
                .containsExactly("06901234567892", "04006381333931");
        assertThat(order.items().get(1).quantity()).isEqualByComparingTo(new BigDecimal("0.532"));
        assertThat(order.dropOff().coordinates().latitude()).isEqualTo(31.2975);
        assertThat(order.dropOff().contact()).isEqualTo("cust-7f3a9c21");
        assertThat(order.window().from()).isEqualTo(OffsetDateTime.parse("2026-11-26T18:00:00+08:00"));
        assertThat(order.window().from().getOffset().getId()).isEqualTo("+08:00");
        assertThat(order.fleet()).isEqualTo("swift");
        assertThat(order.canonicalText()).contains("\"from\":\"2026-11-26T18:00:00+08:00\"");
    }

    @Test
    void fleetAndCoordinatesAreOptional() {
        RequestReader.Result result = read(node -> {
            node.remove("fleet");
            dropOff(node).remove("latitude");
            dropOff(node).remove("longitude");
        });

        assertThat(result.violations()).isEmpty();
        assertThat(result.request().fleet()).isNull();
        assertThat(result.request().dropOff().coordinates()).isNull();
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("orderRef", n -> n.remove("orderRef"), "is required"),
                bad("orderRef", n -> n.put("orderRef", ""), "must not be empty"),
                bad("orderRef", n -> n.put("orderRef", "x".repeat(65)), "1 to 64 characters, has 65"),
                bad("orderRef", n -> n.put("orderRef", "WX 42"), "only letters, digits"),
                bad("orderRef", n -> n.put("orderRef", 42), "must be a string"),
                bad("items", n -> n.remove("items"), "is required"),
                bad("items", n -> n.putArray("items"), "at least one item"),
                bad("items", n -> n.put("items", "tea"), "must be an array"),
                bad("items[0]", n -> ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("items")).set(0,
                        n.textNode("tea")), "must be an object"),
                bad("items[0].gtin", n -> item(n, 0).remove("gtin"), "is required"),
                bad("items[0].gtin", n -> item(n, 0).put("gtin", "6901234567893"), "check digit is 3, expected 2"),
                bad("items[0].gtin", n -> item(n, 0).put("gtin", "69012345"), "check digit"),
                bad("items[0].gtin", n -> item(n, 0).put("gtin", "ABC"), "only the digits"),
                bad("items[0].gtin", n -> item(n, 0).put("gtin", 6901234567892L), "must be a string"),
                bad("items[1].name", n -> item(n, 1).remove("name"), "is required"),
                bad("items[1].name", n -> item(n, 1).put("name", "  "), "must not be empty"),
                bad("items[1].name", n -> item(n, 1).put("name", "Tea\nline"), "control characters"),
                bad("items[1].quantity", n -> item(n, 1).remove("quantity"), "is required"),
                bad("items[1].quantity", n -> item(n, 1).put("quantity", 0), "greater than 0"),
                bad("items[1].quantity", n -> item(n, 1).put("quantity", -1), "greater than 0"),
                bad("items[1].quantity", n -> item(n, 1).put("quantity", new BigDecimal("0.0005")),
                        "at most 3 decimals"),
                bad("items[1].quantity", n -> item(n, 1).put("quantity", 10000), "at most 9999"),
                bad("items[1].quantity", n -> item(n, 1).put("quantity", "2"), "must be a number"),
                bad("items[0].price", n -> item(n, 0).put("price", 350), "unknown field"),
                bad("dropOff", n -> n.remove("dropOff"), "is required"),
                bad("dropOff", n -> n.put("dropOff", "Handan Rd"), "must be an object"),
                bad("dropOff.address", n -> dropOff(n).remove("address"), "is required"),
                bad("dropOff.address", n -> dropOff(n).put("address", "x".repeat(301)), "1 to 300 characters"),
                bad("dropOff.latitude", n -> dropOff(n).put("latitude", 91), "from -90 to 90"),
                bad("dropOff.latitude", n -> dropOff(n).remove("latitude"), "required when dropOff.longitude"),
                bad("dropOff.latitude", n -> dropOff(n).put("latitude", "31.2"), "must be a number"),
                bad("dropOff.longitude", n -> dropOff(n).put("longitude", -180.5), "from -180 to 180"),
                bad("dropOff.longitude", n -> dropOff(n).remove("longitude"), "required when dropOff.latitude"),
                bad("dropOff.contact", n -> dropOff(n).remove("contact"), "is required"),
                bad("dropOff.contact", n -> dropOff(n).put("contact", "+86 138 0013 8000"), "never a phone number"),
                bad("dropOff.contact", n -> dropOff(n).put("contact", "13800138000"), "never a phone number"),
                bad("dropOff.contact", n -> dropOff(n).put("contact", "Zhang San"), "no spaces"),
                bad("dropOff.contact", n -> dropOff(n).put("contact", "li@example.com"), "e-mail"),
                bad("dropOff.contact", n -> dropOff(n).put("contact", "c-1"), "6 to 128 characters"),
                bad("dropOff.phone", n -> dropOff(n).put("phone", "13800138000"), "unknown field"),
                bad("window", n -> n.remove("window"), "is required"),
                bad("window", n -> n.put("window", "tonight"), "must be an object"),
                bad("window.from", n -> window(n).remove("from"), "is required"),
                bad("window.from", n -> window(n).put("from", "2026-11-26T18:00:00"), "with an offset"),
                bad("window.from", n -> window(n).put("from", "yesterday"), "with an offset"),
                bad("window.to", n -> window(n).remove("to"), "is required"),
                bad("window.to", n -> window(n).put("to", "2026-11-26T17:00:00+08:00"), "after window.from"),
                bad("window.to", n -> window(n).put("to", "2026-11-26T18:00:00+08:00"), "after window.from"),
                bad("window.to", n -> window(n).put("to", "2026-11-27T18:00:01+08:00"), "at most 24 hours"),
                bad("window.to", n -> window(n).put("to", 1764150000), "must be a string"),
                bad("fleet", n -> n.put("fleet", "Swift Riders"), "lowercase letters"),
                bad("fleet", n -> n.put("fleet", 7), "must be a string"),
                bad("customerName", n -> n.put("customerName", "Li Lei"), "unknown field"));
    }

    private static Arguments bad(String field, Consumer<ObjectNode> change, String reason) {
        return Arguments.of(field, change, reason);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badFields")
    void everyBadFieldIsNamedWithItsReason(String field, Consumer<ObjectNode> change, String reason) {
        RequestReader.Result result = read(change);

        assertThat(result.valid()).isFalse();
        assertThat(result.request()).isNull();
        assertThat(result.violations()).extracting(Violation::path).containsExactly(field);
        assertThat(result.violations().get(0).message()).contains(reason);
    }

    @Test
    void allProblemsAreReportedTogether() {
        RequestReader.Result result = read(node -> {
            node.put("orderRef", "");
            item(node, 0).put("gtin", "123");
            item(node, 1).put("quantity", 0);
            dropOff(node).put("contact", "13800138000");
            window(node).put("to", "soon");
        });

        assertThat(result.violations()).extracting(Violation::path).containsExactly("orderRef", "items[0].gtin",
                "items[1].quantity", "dropOff.contact", "window.to");
    }

    @Test
    void aValidOrderRefAndFleetAreKeptEvenWhenOtherFieldsAreBad() {
        RequestReader.Result result = read(node -> item(node, 0).put("gtin", "123"));

        assertThat(result.orderRef()).isEqualTo("WX-20261126-0042");
        assertThat(result.fleet()).isEqualTo("swift");
        assertThat(result.windowTo()).isEqualTo(OffsetDateTime.parse("2026-11-26T18:45:00+08:00"));
    }

    @Test
    void bodiesThatAreNotAJsonObjectAreRefused() {
        for (String body : List.of("", "not json", "[1,2]", "\"text\"",
                "{\"orderRef\":\"a\",\"orderRef\":\"b\"}")) {
            RequestReader.Result result = RequestReader.read(TestRequests.bytes(body));
            assertThat(result.violations()).as(body).extracting(Violation::path).containsExactly("$");
        }
        assertThat(RequestReader.read(null).violations()).hasSize(1);
    }

    @Test
    void theHashChangesWithTheContentOnly() {
        String same = RequestReader.read(TestRequests.bytes(TestRequests.VALID)).request().hash();
        String reformatted = RequestReader.read(TestRequests.bytes(TestRequests.valid().toString())).request().hash();
        String other = read(node -> item(node, 0).put("quantity", 3)).request().hash();

        assertThat(reformatted).isEqualTo(same).hasSize(64);
        assertThat(other).isNotEqualTo(same);
    }
}
