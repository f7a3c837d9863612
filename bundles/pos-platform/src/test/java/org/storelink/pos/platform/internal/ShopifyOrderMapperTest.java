package org.storelink.pos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.pos.platform.internal.TestSupport.gtin13;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.model.json.ProblemException;

class ShopifyOrderMapperTest {
    static final String TEA = gtin13("690123456789");
    static final String BUN = gtin13("400638133393");
    private static final String STORE = "sh-campus-001";

    /**
     * Two lines: 2 x 3.50 (barcode) with a 0.50 discount allocation, and 1 x 0.50 whose SKU is a GTIN; 0.56 tax
     * added on top. 7.50 - 0.50 + 0.56 = 7.56.
     */
    static String orderJson() {
        return """
                {"id": 5234567890123456789, "admin_graphql_api_id": "gid://shopify/Order/5234567890123456789",
                 "created_at": "2026-11-26T09:15:30+08:00", "currency": "USD", "taxes_included": false,
                 "test": false, "financial_status": "paid", "cancelled_at": null,
                 "total_line_items_price": "7.50", "total_discounts": "0.50", "total_tax": "0.56",
                 "total_price": "7.56", "payment_gateway_names": ["shopify_payments"], "discount_codes": [],
                 "line_items": [
                   {"id": 866550311766439020, "name": "Green tea 500ml", "quantity": 2, "price": "3.50",
                    "barcode": "%s", "sku": "TEA-500", "total_discount": "0.00",
                    "discount_allocations": [{"amount": "0.50", "discount_application_index": 0}]},
                   {"id": 141249953214522974, "title": "Steamed bun", "quantity": 1, "price": "0.50",
                    "sku": "%s", "total_discount": "0.00", "discount_allocations": []}
                 ],
                 "shipping_lines": []}
                """.formatted(TEA, BUN);
    }

    static ObjectNode order() {
        try {
            return (ObjectNode) JsonBody.parse(orderJson().getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            throw new AssertionError(e);
        }
    }

    private static MappedSale map(ObjectNode order) {
        return ShopifyOrderMapper.map(order, STORE, Map.of());
    }

    private static Sale mapOk(ObjectNode order) {
        MappedSale mapped = map(order);
        assertThat(mapped.violations()).as("violations").isEmpty();
        return mapped.sale();
    }

    private static ArrayNode lines(ObjectNode order) {
        return (ArrayNode) order.get("line_items");
    }

    private static ObjectNode line(ObjectNode order, int index) {
        return (ObjectNode) lines(order).get(index);
    }

    @Test
    void mapsEveryFigureOfTheOrder() {
        Sale sale = mapOk(order());

        assertThat(sale.storeId()).isEqualTo(STORE);
        assertThat(sale.posId()).isEqualTo("shopify");
        assertThat(sale.receiptNo()).isEqualTo("5234567890123456789");
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+08:00"));
        assertThat(sale.occurredAt().getOffset().getId()).isEqualTo("+08:00");
        assertThat(sale.currency()).isEqualTo("USD");
        assertThat(sale.lines()).containsExactly(
                new SaleLine(1, Gtin.parse(TEA), "Green tea 500ml", new BigDecimal(2), 350, 50, null, null),
                new SaleLine(2, Gtin.parse(BUN), "Steamed bun", BigDecimal.ONE, 50, 0, null, null));
        assertThat(sale.taxAdded()).isEqualTo(56);
        assertThat(sale.taxIncluded()).isZero();
        assertThat(sale.adjustments()).isEmpty();
        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CARD, 756, null));
        assertThat(sale.change()).isZero();
        assertThat(sale.statedTotal()).isEqualTo(756);
        assertThat(sale.total()).isEqualTo(756);
        assertThat(sale.customerRef()).isNull();
        assertThat(SaleValidator.validate(sale)).isEmpty();
    }

    @Test
    void anOrderIdAbove2Pow53IsReadExactly() {
        ObjectNode order = order();
        // 2^53 + 1 is the first integer a double cannot hold; this id is far beyond it.
        order.put("id", new BigInteger("5234567890123456789"));

        Sale sale = mapOk(order);

        assertThat(new BigInteger(sale.receiptNo())).isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(sale.receiptNo()).isEqualTo("5234567890123456789");
        assertThat(sale.saleId()).isEqualTo("sh-campus-001/shopify/5234567890123456789");
        assertThat((long) (double) 5234567890123456789L).as("what a double would have made of it")
                .isNotEqualTo(5234567890123456789L);
    }

    @Test
    void anIdTooLargeForALongIsStillExactDigits() {
        ObjectNode order = order();
        order.put("id", new BigInteger("123456789012345678901234567890"));

        assertThat(mapOk(order).receiptNo()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void anIdSentAsAStringIsKept() {
        ObjectNode order = order();
        order.put("id", "820982911946154508");

        assertThat(mapOk(order).receiptNo()).isEqualTo("820982911946154508");
    }

    @Test
    void anIdWithAFractionOrExponentIsMalformed() {
        ObjectNode order = order();
        order.put("id", new BigDecimal("8.20982911946154500E+17"));

        MappedSale mapped = map(order);

        assertThat(mapped.ok()).isFalse();
        assertThat(mapped.malformed()).extracting(Violation::path).containsExactly("id");
        assertThat(mapped.malformed().get(0).message()).contains("loses digits");
    }

    @Test
    void theGraphqlIdIsUsedOnlyWhenIdIsAbsent() {
        ObjectNode order = order();
        order.remove("id");

        assertThat(mapOk(order).receiptNo()).isEqualTo("5234567890123456789");
    }

    @Test
    void yenPricesHaveNoDecimals() {
        ObjectNode order = order();
        order.put("currency", "JPY").put("total_line_items_price", "750").put("total_discounts", "50")
                .put("total_tax", "56").put("total_price", "756.00");
        line(order, 0).put("price", "350");
        ((ObjectNode) line(order, 0).get("discount_allocations").get(0)).put("amount", "50");
        line(order, 1).put("price", "50");

        Sale sale = mapOk(order);

        assertThat(sale.currency()).isEqualTo("JPY");
        assertThat(sale.lines()).extracting(SaleLine::unitPrice).containsExactly(350L, 50L);
        assertThat(sale.statedTotal()).isEqualTo(756);
        assertThat(sale.total()).isEqualTo(756);
    }

    @Test
    void aYenPriceWithSenIsUnmappableNotRounded() {
        ObjectNode order = order();
        order.put("currency", "JPY").put("total_line_items_price", "750").put("total_discounts", "50")
                .put("total_tax", "56").put("total_price", "756");
        line(order, 0).put("price", "350.50");
        ((ObjectNode) line(order, 0).get("discount_allocations").get(0)).put("amount", "50");
        line(order, 1).put("price", "50");

        MappedSale mapped = map(order);

        assertThat(mapped.ok()).isFalse();
        assertThat(mapped.unmappable()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("line_items[0].price");
            assertThat(v.message()).contains("more than 0 decimal places");
        });
    }

    @Test
    void dinarPricesHaveThreeDecimals() {
        ObjectNode order = order();
        order.put("currency", "KWD").put("total_line_items_price", "7.500").put("total_discounts", "0.500")
                .put("total_tax", "0.560").put("total_price", "7.560");
        line(order, 0).put("price", "3.500");
        ((ObjectNode) line(order, 0).get("discount_allocations").get(0)).put("amount", "0.500");
        line(order, 1).put("price", "0.500");

        Sale sale = mapOk(order);

        assertThat(sale.lines()).extracting(SaleLine::unitPrice).containsExactly(3500L, 500L);
        assertThat(sale.taxAdded()).isEqualTo(560);
        assertThat(sale.statedTotal()).isEqualTo(7560);
    }

    @Test
    void includedTaxIsInformationOnly() {
        ObjectNode order = order();
        order.put("taxes_included", true).put("total_tax", "0.64").put("total_price", "7.00");

        Sale sale = mapOk(order);

        assertThat(sale.taxIncluded()).isEqualTo(64);
        assertThat(sale.taxAdded()).isZero();
        assertThat(sale.total()).isEqualTo(700);
    }

    @Test
    void taxWithoutTaxesIncludedIsMalformed() {
        ObjectNode order = order();
        order.remove("taxes_included");

        assertThat(map(order).malformed()).extracting(Violation::path).containsExactly("taxes_included");
    }

    @Test
    void theUnallocatedRestOfTotalDiscountsIsAnOrderCouponWithTheCodes() {
        ObjectNode order = order();
        order.put("total_discounts", "1.50").put("total_price", "6.56");
        order.putArray("discount_codes").addObject().put("code", "WELCOME10").put("amount", "1.00");

        Sale sale = mapOk(order);

        assertThat(sale.adjustments()).containsExactly(new Adjustment(AdjustmentType.COUPON, -100, "WELCOME10"));
        assertThat(sale.total()).isEqualTo(656);
    }

    @Test
    void shippingIsAnAdjustmentAndItsDiscountACoupon() {
        ObjectNode order = order();
        order.put("total_discounts", "1.50").put("total_price", "10.56");
        order.putObject("total_shipping_price_set").putObject("shop_money").put("amount", "4.00")
                .put("currency_code", "USD");
        order.putArray("shipping_lines").addObject().put("title", "Rider").put("price", "4.00")
                .put("discounted_price", "3.00").put("is_removed", false);

        Sale sale = mapOk(order);

        assertThat(sale.adjustments()).containsExactly(
                new Adjustment(AdjustmentType.OTHER, 400, "shipping: Rider"),
                new Adjustment(AdjustmentType.COUPON, -100, "shipping discount"));
        assertThat(sale.total()).isEqualTo(1056);
    }

    @Test
    void tipsDutiesAndFeesAreAdjustments() {
        ObjectNode order = order();
        order.put("total_tip_received", "1.00").put("total_price", "10.56");
        order.putObject("original_total_duties_set").putObject("shop_money").put("amount", "1.50")
                .put("currency_code", "USD");
        order.putObject("original_total_additional_fees_set").putObject("shop_money").put("amount", "0.50")
                .put("currency_code", "USD");

        Sale sale = mapOk(order);

        assertThat(sale.adjustments()).containsExactly(
                new Adjustment(AdjustmentType.OTHER, 100, "tip"),
                new Adjustment(AdjustmentType.OTHER, 150, "duties"),
                new Adjustment(AdjustmentType.OTHER, 50, "additional fees"));
        assertThat(sale.total()).isEqualTo(1056);
    }

    @Test
    void figuresThatDoNotAddUpToTotalPriceAreRefusedWithTheBreakdownNotInvented() {
        ObjectNode order = order();
        order.put("total_price", "8.00");

        MappedSale mapped = map(order);

        assertThat(mapped.ok()).isFalse();
        assertThat(mapped.malformed()).isEmpty();
        assertThat(mapped.unmappable()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("total_price");
            assertThat(v.message()).contains("is USD 8.00 but the order's figures come to USD 7.56")
                    .contains("line items USD 7.50").contains("tax added USD 0.56");
        });
    }

    @Test
    void lineItemsThatDoNotAddUpToTotalLineItemsPriceAreRefused() {
        ObjectNode order = order();
        order.put("total_line_items_price", "9.00");

        assertThat(map(order).unmappable()).extracting(Violation::path).contains("total_line_items_price");
    }

    @Test
    void totalDiscountsBelowTheAllocatedDiscountsAreRefused() {
        ObjectNode order = order();
        order.put("total_discounts", "0.20");

        assertThat(map(order).unmappable()).extracting(Violation::path).contains("total_discounts");
    }

    @Test
    void aBarcodeThatIsNotAGtinRejectsItsLineWithTheReason() {
        ObjectNode order = order();
        line(order, 0).put("barcode", "6901234567891");

        MappedSale mapped = map(order);

        assertThat(mapped.ok()).isFalse();
        assertThat(mapped.unmappable()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("line_items[0].barcode");
            assertThat(v.message()).contains("check digit is 1, expected 2");
        });
    }

    @Test
    void aLineWithoutBarcodeOrGtinSkuIsRejectedNamingTheSku() {
        ObjectNode order = order();
        line(order, 0).remove("barcode");

        MappedSale mapped = map(order);

        assertThat(mapped.unmappable()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("line_items[0].barcode");
            assertThat(v.message()).contains("no barcode").contains("\"TEA-500\"").contains("shopify.gtins");
        });
    }

    @Test
    void theShopsConfiguredGtinForTheSkuIsUsed() {
        ObjectNode order = order();
        line(order, 0).remove("barcode");

        MappedSale mapped = ShopifyOrderMapper.map(order, STORE, Map.of("TEA-500", Gtin.parse(TEA)));

        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.sale().lines().get(0).gtin()).isEqualTo(Gtin.parse(TEA));
    }

    @Test
    void aBarcodeWinsOverTheSku() {
        ObjectNode order = order();
        line(order, 1).put("barcode", TEA);

        assertThat(mapOk(order).lines().get(1).gtin()).isEqualTo(Gtin.parse(TEA));
    }

    @Test
    void wrongTypesAreMalformedWithTheirPaths() {
        ObjectNode order = order();
        line(order, 0).put("price", 3.5);
        line(order, 1).put("quantity", "1");
        order.put("created_at", "yesterday");

        MappedSale mapped = map(order);

        assertThat(mapped.malformed()).extracting(Violation::path)
                .containsExactlyInAnyOrder("created_at", "line_items[0].price", "line_items[1].quantity");
        assertThat(mapped.malformed()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void missingLineItemsAndTotalAreMalformed() {
        ObjectNode order = order();
        order.remove("line_items");
        order.remove("total_price");

        assertThat(map(order).malformed()).extracting(Violation::path)
                .containsExactlyInAnyOrder("line_items", "total_price");
    }

    @Test
    void anOrderWithoutLinesIsUnmappable() {
        ObjectNode order = order();
        order.putArray("line_items");

        assertThat(map(order).unmappable()).extracting(Violation::path).contains("line_items");
    }

    @Test
    void anUnknownCurrencyIsUnmappable() {
        ObjectNode order = order();
        order.put("currency", "XYZ");

        assertThat(map(order).unmappable()).extracting(Violation::path).contains("currency");
    }

    @Test
    void aFreeOrderCannotBeASaleWithoutATender() {
        ObjectNode order = order();
        order.put("total_discounts", "7.50").put("total_tax", "0.00").put("total_price", "0.00");
        ((ObjectNode) line(order, 0).get("discount_allocations").get(0)).put("amount", "7.00");
        line(order, 1).put("total_discount", "0.50");
        ((ArrayNode) line(order, 1).get("discount_allocations")).addObject().put("amount", "0.50");

        MappedSale mapped = map(order);

        assertThat(mapped.ok()).isFalse();
        assertThat(mapped.unmappable()).extracting(Violation::path).contains("sale.tenders");
    }

    @Test
    void aLongProductNameIsCutToTheLedgersLength() {
        ObjectNode order = order();
        line(order, 0).put("name", "x".repeat(300));

        assertThat(mapOk(order).lines().get(0).name()).hasSize(ShopifyOrderMapper.MAX_NAME);
    }

    @Test
    void aNameWithANulCharacterIsMalformed() {
        ObjectNode order = order();
        line(order, 0).put("name", "tea\u0000");

        assertThat(map(order).malformed()).extracting(Violation::path).containsExactly("line_items[0].name");
    }

    @Test
    void testCancelledAndVoidedOrdersAreSkippedWithAReason() {
        assertThat(ShopifyOrderMapper.skipReason(order(), false)).isEmpty();
        assertThat(ShopifyOrderMapper.skipReason(order().put("test", true), false)).get().asString()
                .contains("test order");
        assertThat(ShopifyOrderMapper.skipReason(order().put("test", true), true)).isEmpty();
        assertThat(ShopifyOrderMapper.skipReason(order().put("cancelled_at", "2021-12-31T19:00:00-05:00"), true))
                .get().asString().contains("cancelled");
        assertThat(ShopifyOrderMapper.skipReason(order().put("financial_status", "voided"), true)).get().asString()
                .contains("voided");
    }

    @ParameterizedTest
    @CsvSource({
        "shopify_payments, CARD",
        "visa|bogus, CARD",
        "cash, CASH",
        "paypal, OTHER",
        "manual, OTHER",
        "visa|paypal, OTHER",
        "'', OTHER"})
    void gatewaysGiveTheTenderType(String gateways, TenderType expected) {
        List<String> names = gateways.isEmpty() ? List.of() : List.of(gateways.split("\\|"));

        assertThat(ShopifyOrderMapper.tenderType(names)).isEqualTo(expected);
    }

    @Test
    void transactionGatewaysWinOverPaymentGatewayNames() {
        ObjectNode order = order();
        order.putArray("transactions").addObject().put("gateway", "cash").put("kind", "sale");

        assertThat(mapOk(order).tenders()).extracting(Tender::type).containsExactly(TenderType.CASH);
    }
}
