package org.storelink.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.storelink.model.SaleRecorded;
import org.storelink.model.json.Json;
import org.storelink.model.json.SaleReader;

class LedgerRoutesDecodeTest {

    static SaleRecorded validEvent() {
        SaleReader.Result read = SaleReader.read(TestSales.VALID_BODY.getBytes(StandardCharsets.UTF_8), "sh-001");
        assertThat(read.violations()).isEmpty();
        return TestSales.recorded(read.sale());
    }

    private static ObjectNode validTree() {
        return (ObjectNode) Json.mapper().valueToTree(validEvent());
    }

    private static byte[] bytes(ObjectNode tree) {
        return Json.write(tree);
    }

    @Test
    void validEventRoundTrips() throws Exception {
        SaleRecorded event = validEvent();

        assertThat(LedgerRoutes.decode(Json.write(event))).isEqualTo(event);
    }

    @Test
    void statedBusinessDayRoundTripsAndABadOneIsNamed() throws Exception {
        SaleRecorded base = validEvent();
        SaleRecorded event = new SaleRecorded(base.eventId(), base.recordedAt(), base.source(), base.sale(),
                java.time.LocalDate.parse("2017-09-30"));

        assertThat(LedgerRoutes.decode(Json.write(event))).isEqualTo(event);

        ObjectNode tree = (ObjectNode) Json.mapper().readTree(Json.write(event));
        tree.put("businessDay", "30/09/2017");
        assertThatThrownBy(() -> LedgerRoutes.decode(Json.write(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("businessDay: must be a date YYYY-MM-DD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "{\"eventId\":", "[1,2,3]", "\"a string\"", "42"})
    void nonJsonOrNonObjectIsPoisonAtTheRoot(String body) {
        assertThatThrownBy(() -> LedgerRoutes.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageStartingWith("$:");
    }

    @Test
    void emptyOrNullBodyIsPoisonAtTheRoot() {
        assertThatThrownBy(() -> LedgerRoutes.decode(new byte[0]))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageStartingWith("$:");
        assertThatThrownBy(() -> LedgerRoutes.decode(null))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageStartingWith("$:");
    }

    @Test
    void saleWithoutLinesNamesSaleLines() {
        ObjectNode tree = validTree();
        ((ObjectNode) tree.get("sale")).putArray("lines");

        assertThatThrownBy(() -> LedgerRoutes.decode(bytes(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageStartingWith("sale.lines:")
                .message().doesNotContain("eventId");
    }

    @Test
    void everyBadFieldOfTheSaleIsNamedUnderSale() {
        ObjectNode tree = validTree();
        ObjectNode sale = (ObjectNode) tree.get("sale");
        sale.put("currency", "ZZZ");
        ((ObjectNode) sale.get("lines").get(0)).put("quantity", "two");
        ((ObjectNode) sale.get("tenders").get(0)).put("type", "cheque");

        assertThatThrownBy(() -> LedgerRoutes.decode(bytes(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("sale.currency:")
                .hasMessageContaining("sale.lines[0].quantity:")
                .hasMessageContaining("sale.tenders[0].type:");
    }

    @Test
    void badLineIsNamedWithItsPath() {
        ObjectNode tree = validTree();
        ((ObjectNode) tree.get("sale").get("lines").get(0)).put("gtin", "6901234567891");

        assertThatThrownBy(() -> LedgerRoutes.decode(bytes(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("sale.lines[0].gtin");
    }

    @Test
    void missingEventIdIsNamed() {
        ObjectNode tree = validTree();
        tree.remove("eventId");

        assertThatThrownBy(() -> LedgerRoutes.decode(bytes(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageStartingWith("eventId:")
                .message().doesNotContain("sale.");
    }

    @Test
    void blankSourceAndBadRecordedAtAreNamed() {
        ObjectNode tree = validTree();
        tree.put("source", " ");
        tree.put("recordedAt", "yesterday");

        assertThatThrownBy(() -> LedgerRoutes.decode(bytes(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("source:")
                .hasMessageContaining("recordedAt:");
    }

    @Test
    void missingSaleIsNamed() {
        ObjectNode tree = validTree();
        tree.remove("sale");

        assertThatThrownBy(() -> LedgerRoutes.decode(bytes(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("sale: is required");
    }

    @Test
    void saleWithoutStoreIdIsNamed() {
        ObjectNode tree = validTree();
        ((ObjectNode) tree.get("sale")).remove("storeId");

        assertThatThrownBy(() -> LedgerRoutes.decode(bytes(tree)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("sale.storeId");
    }
}
