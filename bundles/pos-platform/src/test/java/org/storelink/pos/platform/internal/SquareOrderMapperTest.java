package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.platform.internal.TestSupport.gtin13;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.model.json.ProblemException;

class SquareOrderMapperTest {
    static final String ONIGIRI = gtin13("490123456789");
    static final String COFFEE = gtin13("490000000001");
    static final Map<String, Gtin> CATALOG = Map.of("VAR-ONIGIRI", Gtin.parse(ONIGIRI),
            "VAR-COFFEE", Gtin.parse(COFFEE));

    /**
     * A paid JPY order: 2 onigiri at 180 yen with a 30 yen discount, one coffee at 300 yen with a 50 yen
     * modifier, 10% consumption tax included: 360 - 30 + 350 = 680 yen, paid 480 by card and 200 in cash.
     */
    static String orderJson() {
        return """
                {"id": "eA3vssLHKJrv9H0IdJCM3gNqfdcZY", "location_id": "%s", "state": "COMPLETED",
                 "created_at": "2026-11-26T01:15:30.129Z",
                 "line_items": [
                   {"uid": "a", "name": "Onigiri", "variation_name": "Salmon", "quantity": "2",
                    "catalog_object_id": "VAR-ONIGIRI",
                    "base_price_money": {"amount": 180, "currency": "JPY"},
                    "gross_sales_money": {"amount": 360, "currency": "JPY"},
                    "total_discount_money": {"amount": 30, "currency": "JPY"}},
                   {"uid": "b", "name": "Coffee", "quantity": "1", "catalog_object_id": "VAR-COFFEE",
                    "base_price_money": {"amount": 300, "currency": "JPY"},
                    "modifiers": [{"name": "Oat milk", "base_price_money": {"amount": 50, "currency": "JPY"}}],
                    "gross_sales_money": {"amount": 350, "currency": "JPY"},
                    "total_discount_money": {"amount": 0, "currency": "JPY"}}
                 ],
                 "taxes": [{"uid": "t", "name": "Consumption tax", "type": "INCLUSIVE", "percentage": "10"}],
                 "total_money": {"amount": 680, "currency": "JPY"},
                 "total_tax_money": {"amount": 62, "currency": "JPY"},
                 "total_discount_money": {"amount": 30, "currency": "JPY"},
                 "total_tip_money": {"amount": 0, "currency": "JPY"},
                 "tenders": [
                   {"id": "T-CARD", "type": "CARD", "amount_money": {"amount": 480, "currency": "JPY"}},
                   {"id": "T-CASH", "type": "CASH", "amount_money": {"amount": 200, "currency": "JPY"}}
                 ]}
                """.formatted(TestSupport.LOCATION);
    }

    static ObjectNode order() {
        try {
            return (ObjectNode) JsonBody.parse(orderJson().getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            throw new AssertionError(e);
        }
    }

    private static MappedSale map(ObjectNode order) {
        return SquareOrderMapper.map(order, "data.object.order", TestSupport.LOCATION_STORE, CATALOG);
    }

    private static ObjectNode line(ObjectNode order, int index) {
        return (ObjectNode) order.get("line_items").get(index);
    }

    @Test
    void mapsAPaidYenOrderAmountForAmount() {
        MappedSale mapped = map(order());

        assertThat(mapped.violations()).isEmpty();
        Sale sale = mapped.sale();
        assertThat(sale.storeId()).isEqualTo(TestSupport.LOCATION_STORE);
        assertThat(sale.posId()).isEqualTo("square");
        assertThat(sale.receiptNo()).isEqualTo("eA3vssLHKJrv9H0IdJCM3gNqfdcZY");
        assertThat(sale.currency()).isEqualTo("JPY");
        assertThat(sale.lines()).containsExactly(
                new SaleLine(1, Gtin.parse(ONIGIRI), "Onigiri (Salmon)", new BigDecimal("2"), 180, 30, null, null),
                new SaleLine(2, Gtin.parse(COFFEE), "Coffee", BigDecimal.ONE, 350, 0, null, null));
        assertThat(sale.taxIncluded()).isEqualTo(62);
        assertThat(sale.taxAdded()).isZero();
        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CARD, 480, "T-CARD"),
                new Tender(TenderType.CASH, 200, "T-CASH"));
        assertThat(sale.statedTotal()).isEqualTo(680);
        assertThat(sale.total()).isEqualTo(680);
    }

    @Test
    void dollarCentsAreTakenAsStated() {
        ObjectNode order = order();
        order.findParents("currency").forEach(money -> ((ObjectNode) money).put("currency", "USD"));

        Sale sale = map(order).sale();

        assertThat(sale.currency()).isEqualTo("USD");
        assertThat(sale.totalMoney().format()).isEqualTo("USD 6.80");
    }

    @Test
    void additiveTaxAndTipAreAddedOnTop() {
        ObjectNode order = order();
        ((ObjectNode) order.get("taxes").get(0)).put("type", "ADDITIVE");
        order.putObject("total_tip_money").put("amount", 100).put("currency", "JPY");
        order.putObject("total_money").put("amount", 842).put("currency", "JPY");
        ((ObjectNode) order.get("tenders").get(0)).putObject("amount_money").put("amount", 642)
                .put("currency", "JPY");

        Sale sale = map(order).sale();

        assertThat(sale.taxAdded()).isEqualTo(62);
        assertThat(sale.adjustments()).containsExactly(new Adjustment(AdjustmentType.OTHER, 100, "tip"));
        assertThat(sale.total()).isEqualTo(842);
    }

    @Test
    void fractionalQuantitiesSuchAsWeightsAreExact() {
        ObjectNode order = order();
        line(order, 0).put("quantity", "0.532").remove("gross_sales_money");
        line(order, 0).putObject("total_discount_money").put("amount", 0).put("currency", "JPY");
        order.putObject("total_discount_money").put("amount", 0).put("currency", "JPY");
        // 0.532 x 180 = 95.76, half-up 96; 96 + 350 = 446
        order.putObject("total_money").put("amount", 446).put("currency", "JPY");
        ((ObjectNode) order.get("tenders").get(0)).putObject("amount_money").put("amount", 246)
                .put("currency", "JPY");

        MappedSale mapped = map(order);

        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.sale().lines().get(0).quantity()).isEqualByComparingTo("0.532");
        assertThat(mapped.sale().total()).isEqualTo(446);
    }

    @Test
    void aLineWithoutACatalogGtinIsRejectedWithTheReason() {
        ObjectNode order = order();
        line(order, 1).put("catalog_object_id", "VAR-UNKNOWN");

        MappedSale mapped = map(order);

        assertThat(mapped.unmappable()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("data.object.order.line_items[1].catalog_object_id");
            assertThat(v.message()).contains("VAR-UNKNOWN").contains("square.gtins");
        });
    }

    @Test
    void aMoneyInAnotherCurrencyIsUnmappable() {
        ObjectNode order = order();
        line(order, 0).putObject("base_price_money").put("amount", 180).put("currency", "USD");

        assertThat(map(order).unmappable()).extracting(Violation::path)
                .contains("data.object.order.line_items[0].base_price_money.currency");
    }

    @Test
    void grossSalesThatDisagreeWithQuantityTimesPriceAreUnmappable() {
        ObjectNode order = order();
        line(order, 0).putObject("gross_sales_money").put("amount", 400).put("currency", "JPY");

        assertThat(map(order).unmappable()).extracting(Violation::path)
                .containsExactly("data.object.order.line_items[0].gross_sales_money");
    }

    @Test
    void tendersThatDoNotCoverTheTotalAreRefusedByTheBalanceRule() {
        ObjectNode order = order();
        ((ObjectNode) order.get("tenders").get(1)).putObject("amount_money").put("amount", 100)
                .put("currency", "JPY");

        assertThat(map(order).unmappable()).extracting(Violation::path).contains("sale.tenders", "sale.total");
    }

    @Test
    void mixedTaxKindsCannotBeSplitAndAreUnmappable() {
        ObjectNode order = order();
        ((ArrayNode) order.get("taxes")).addObject().put("type", "ADDITIVE");

        assertThat(map(order).unmappable()).extracting(Violation::path).contains("data.object.order.taxes");
    }

    @Test
    void quantityMustBeADecimalString() {
        ObjectNode order = order();
        line(order, 0).put("quantity", 2);
        line(order, 1).put("quantity", "1e3");

        assertThat(map(order).malformed()).extracting(Violation::path).containsExactlyInAnyOrder(
                "data.object.order.line_items[0].quantity", "data.object.order.line_items[1].quantity");
    }

    @Test
    void amountsMustBeIntegerMinorUnits() {
        ObjectNode order = order();
        line(order, 0).putObject("base_price_money").put("amount", new BigDecimal("1.80")).put("currency", "JPY");

        assertThat(map(order).malformed()).extracting(Violation::path)
                .containsExactly("data.object.order.line_items[0].base_price_money.amount");
    }
}
