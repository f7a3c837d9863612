package org.storelink.pos.platform.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.storelink.model.Adjustment;
import org.storelink.model.AdjustmentType;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;

/**
 * Maps a Shopify {@code orders/create} body (the REST Order resource) to a canonical sale, only from the figures the
 * order states: nothing is estimated or rounded. See the module README for the field-by-field table.
 *
 * <p>The books balance as Shopify's own do: {@code total_price = total_line_items_price - total_discounts +
 * shipping + total_tax (unless taxes_included) + tips + duties + additional fees}. Line discounts come from each
 * line's {@code discount_allocations} (else its {@code total_discount}); shipping discounts from each shipping
 * line's {@code price - discounted_price}; what remains of {@code total_discounts} is an order-level coupon. When
 * the stated figures do not add up to {@code total_price}, the order is refused with every figure named.
 */
final class ShopifyOrderMapper {
    static final String POS_ID = "shopify";
    /** The ledger keeps line names in 200 characters. */
    static final int MAX_NAME = 200;
    static final int MAX_REFERENCE = 64;

    private static final Pattern ORDER_GID = Pattern.compile("gid://shopify/Order/([0-9]{1,64})");
    private static final Set<String> CARD_GATEWAYS = Set.of("shopify_payments", "visa", "mastercard", "master",
            "american_express", "amex", "discover", "jcb", "diners_club", "maestro", "unionpay", "stripe",
            "braintree", "authorize_net", "adyen", "bogus");
    private static final Set<String> CASH_GATEWAYS = Set.of("cash");

    private ShopifyOrderMapper() {
    }

    /**
     * Why a well-formed order is not recorded at all, or empty: a test order (unless test orders are accepted),
     * an order cancelled before it reached us, or one whose payment was voided. None of these is a sale.
     */
    static Optional<String> skipReason(JsonNode order, boolean acceptTestOrders) {
        JsonNode test = order.get("test");
        if (!acceptTestOrders && test != null && test.isBoolean() && test.booleanValue()) {
            return Optional.of("test order (test: true); set shopify.acceptTestOrders=true to record test orders");
        }
        JsonNode cancelled = JsonBody.present(order, "cancelled_at");
        if (cancelled != null) {
            return Optional.of("order was already cancelled (cancelled_at " + Texts.clip(cancelled.asText())
                    + "); a cancelled order is not a sale");
        }
        JsonNode status = order.get("financial_status");
        if (status != null && status.isTextual() && status.textValue().equals("voided")) {
            return Optional.of("payment was voided (financial_status: voided); no money was taken");
        }
        return Optional.empty();
    }

    static MappedSale map(JsonNode order, String storeId, Map<String, Gtin> gtinBySku) {
        return new Mapping(order, gtinBySku).sale(storeId);
    }

    /** The tender type of the order's payment gateways: card, cash, or other when unknown or mixed. */
    static TenderType tenderType(List<String> gateways) {
        Set<TenderType> types = new LinkedHashSet<>();
        for (String gateway : gateways) {
            String name = gateway.strip().toLowerCase(Locale.ROOT);
            types.add(CARD_GATEWAYS.contains(name) ? TenderType.CARD
                    : CASH_GATEWAYS.contains(name) ? TenderType.CASH : TenderType.OTHER);
        }
        return types.size() == 1 ? types.iterator().next() : TenderType.OTHER;
    }

    /** One walk over one order. */
    private static final class Mapping {
        private final JsonNode order;
        private final Map<String, Gtin> gtinBySku;
        private final Findings findings = new Findings();
        private String currency;

        Mapping(JsonNode order, Map<String, Gtin> gtinBySku) {
            this.order = order;
            this.gtinBySku = gtinBySku;
        }

        MappedSale sale(String storeId) {
            String receiptNo = receiptNo();
            OffsetDateTime occurredAt = JsonBody.dateTime(findings, order, "created_at", "created_at");
            currency = JsonBody.currency(findings, order, "currency", "currency");

            List<SaleLine> lines = new ArrayList<>();
            long grossLines = 0;
            long lineDiscounts = 0;
            JsonNode items = JsonBody.array(findings, order, "line_items", "line_items", true);
            if (items != null && items.isEmpty()) {
                findings.unmappable("line_items", "the order has no line items");
            }
            for (int i = 0; items != null && i < items.size(); i++) {
                SaleLine line = line(items.get(i), "line_items[" + i + "]", i + 1);
                if (line != null) {
                    lines.add(line);
                    grossLines = Math.addExact(grossLines, line.grossAmount());
                    lineDiscounts = Math.addExact(lineDiscounts, line.discount());
                }
            }
            boolean linesComplete = items != null && lines.size() == items.size();
            Long statedLines = JsonBody.majorText(findings, order, "total_line_items_price",
                    "total_line_items_price", currency, 0L);
            if (linesComplete && JsonBody.present(order, "total_line_items_price") != null && statedLines != null
                    && statedLines != grossLines) {
                findings.unmappable("total_line_items_price", "is " + format(statedLines)
                        + " but the line items' quantity times price add up to " + format(grossLines));
            }

            List<Adjustment> adjustments = new ArrayList<>();
            long shippingDiscounts = shipping(adjustments);

            Long totalDiscounts = nonNegative("total_discounts", 0L);
            long orderDiscount = 0;
            if (totalDiscounts != null && linesComplete) {
                orderDiscount = totalDiscounts - lineDiscounts - shippingDiscounts;
                if (orderDiscount < 0) {
                    findings.unmappable("total_discounts", "is " + format(totalDiscounts)
                            + " but the line discounts (" + format(lineDiscounts) + ") and shipping discounts ("
                            + format(shippingDiscounts) + ") alone come to more");
                } else if (orderDiscount > 0) {
                    adjustments.add(new Adjustment(AdjustmentType.COUPON, -orderDiscount, discountCodes()));
                }
            }

            Long totalTax = nonNegative("total_tax", 0L);
            Boolean taxesIncluded = JsonBody.bool(findings, order, "taxes_included", "taxes_included");
            if (taxesIncluded == null && totalTax != null && totalTax != 0
                    && JsonBody.present(order, "taxes_included") == null) {
                findings.malformed("taxes_included", "is required when total_tax is not 0");
            }
            boolean included = Boolean.TRUE.equals(taxesIncluded);
            long taxAdded = totalTax == null || included ? 0 : totalTax;
            long taxIncluded = totalTax == null || !included ? 0 : totalTax;

            extra(adjustments, nonNegative("total_tip_received", 0L), "tip");
            extra(adjustments, setAmount("original_total_duties_set"), "duties");
            extra(adjustments, setAmount("original_total_additional_fees_set"), "additional fees");

            Long totalPrice = nonNegative("total_price", null);
            TenderType tenderType = tenderType(gateways());

            if (!findings.isEmpty()) {
                return MappedSale.refused(findings);
            }
            List<Tender> tenders = totalPrice > 0 ? List.of(new Tender(tenderType, totalPrice, null)) : List.of();
            Sale sale = new Sale(storeId, POS_ID, receiptNo, occurredAt, currency, lines, taxAdded, taxIncluded,
                    adjustments, tenders, 0, totalPrice, null, null);
            long computed;
            try {
                computed = sale.total();
            } catch (ArithmeticException e) {
                computed = Long.MIN_VALUE;
            }
            if (computed != totalPrice) {
                findings.unmappable("total_price", "is " + format(totalPrice) + " but the order's figures come to "
                        + (computed == Long.MIN_VALUE ? "more than can be held" : format(computed)) + ": "
                        + breakdown(grossLines, lineDiscounts, taxAdded, adjustments));
                return MappedSale.refused(findings);
            }
            List<Violation> rules = new ArrayList<>();
            for (Violation violation : SaleValidator.validate(sale)) {
                rules.add(new Violation("sale." + violation.path(), violation.message()));
            }
            return rules.isEmpty() ? MappedSale.of(sale) : new MappedSale(null, List.of(), rules);
        }

        /** The order id as its exact digits; the GraphQL id's digits only when {@code id} is absent. */
        private String receiptNo() {
            if (JsonBody.present(order, "id") != null) {
                return JsonBody.id(findings, order, "id", "id", true);
            }
            JsonNode gid = JsonBody.present(order, "admin_graphql_api_id");
            if (gid != null && gid.isTextual()) {
                Matcher matcher = ORDER_GID.matcher(gid.textValue());
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
            findings.malformed("id", "is required");
            return null;
        }

        private SaleLine line(JsonNode item, String at, int lineNo) {
            if (!item.isObject()) {
                findings.malformed(at, "must be an object, not " + JsonBody.kind(item));
                return null;
            }
            int before = findings.size();
            BigDecimal quantity = JsonBody.count(findings, item, "quantity", at + ".quantity");
            Long price = JsonBody.majorText(findings, item, "price", at + ".price", currency, null);
            if (price != null && price < 0) {
                findings.unmappable(at + ".price", "must not be negative");
            }
            String name = JsonBody.text(findings, item, "name", at + ".name", false);
            if (name == null) {
                name = JsonBody.text(findings, item, "title", at + ".title", false);
            }
            Gtin gtin = gtin(item, at);
            long discount = lineDiscount(item, at);
            if (findings.size() > before || price == null || quantity == null) {
                return null;
            }
            SaleLine line = new SaleLine(lineNo, gtin, Texts.truncate(name, MAX_NAME), quantity, price, discount,
                    null, null);
            long gross;
            try {
                gross = line.grossAmount();
            } catch (ArithmeticException e) {
                gross = Long.MAX_VALUE;
            }
            if (Math.abs(gross) > SaleValidator.MAX_AMOUNT) {
                findings.unmappable(at, "quantity times price exceeds " + SaleValidator.MAX_AMOUNT + " minor units");
                return null;
            }
            return line;
        }

        /**
         * The barcode when the line has one (refused if it is not a valid GTIN); else the SKU when it is a GTIN;
         * else the shop's configured GTIN for the SKU. A line with none of these is refused with the reason.
         */
        private Gtin gtin(JsonNode item, String at) {
            String barcode = JsonBody.text(findings, item, "barcode", at + ".barcode", false);
            if (barcode != null && !barcode.isBlank()) {
                Optional<String> problem = Gtin.problem(barcode.strip());
                if (problem.isPresent()) {
                    findings.unmappable(at + ".barcode", "\"" + Texts.clip(barcode) + "\" is not a GTIN: "
                            + problem.get());
                    return null;
                }
                return Gtin.parse(barcode.strip());
            }
            String sku = JsonBody.text(findings, item, "sku", at + ".sku", false);
            String skuKey = sku == null ? null : sku.strip();
            if (skuKey != null && !skuKey.isEmpty()) {
                if (Gtin.problem(skuKey).isEmpty()) {
                    return Gtin.parse(skuKey);
                }
                Gtin configured = gtinBySku.get(skuKey);
                if (configured != null) {
                    return configured;
                }
            }
            findings.unmappable(at + ".barcode", "no GTIN for this line: it has no barcode, and "
                    + (skuKey == null || skuKey.isEmpty() ? "no SKU"
                            : "its SKU \"" + Texts.clip(skuKey) + "\" is neither a GTIN nor in shopify.gtins for"
                                    + " this shop"));
            return null;
        }

        /** The sum of the line's discount allocations, else its total_discount, else 0. */
        private long lineDiscount(JsonNode item, String at) {
            JsonNode allocations = JsonBody.array(findings, item, "discount_allocations",
                    at + ".discount_allocations", false);
            if (allocations != null && !allocations.isEmpty()) {
                long sum = 0;
                for (int j = 0; j < allocations.size(); j++) {
                    String path = at + ".discount_allocations[" + j + "]";
                    JsonNode allocation = allocations.get(j);
                    if (!allocation.isObject()) {
                        findings.malformed(path, "must be an object, not " + JsonBody.kind(allocation));
                        continue;
                    }
                    Long amount = JsonBody.majorText(findings, allocation, "amount", path + ".amount", currency,
                            null);
                    if (amount != null && amount < 0) {
                        findings.unmappable(path + ".amount", "must not be negative");
                    } else if (amount != null) {
                        sum += amount;
                    }
                }
                return sum;
            }
            Long total = JsonBody.majorText(findings, item, "total_discount", at + ".total_discount", currency, 0L);
            if (total != null && total < 0) {
                findings.unmappable(at + ".total_discount", "must not be negative");
                return 0;
            }
            return total == null ? 0 : total;
        }

        /** Adds each shipping line (and its discount) as adjustments; returns the shipping discounts. */
        private long shipping(List<Adjustment> adjustments) {
            JsonNode lines = JsonBody.array(findings, order, "shipping_lines", "shipping_lines", false);
            long charged = 0;
            long discounts = 0;
            boolean complete = true;
            for (int i = 0; lines != null && i < lines.size(); i++) {
                String at = "shipping_lines[" + i + "]";
                JsonNode line = lines.get(i);
                if (!line.isObject()) {
                    findings.malformed(at, "must be an object, not " + JsonBody.kind(line));
                    complete = false;
                    continue;
                }
                Boolean removed = JsonBody.bool(findings, line, "is_removed", at + ".is_removed");
                if (Boolean.TRUE.equals(removed)) {
                    continue;
                }
                Long price = JsonBody.majorText(findings, line, "price", at + ".price", currency, null);
                Long discounted = JsonBody.majorText(findings, line, "discounted_price", at + ".discounted_price",
                        currency, price);
                String title = JsonBody.text(findings, line, "title", at + ".title", false);
                if (price == null || discounted == null) {
                    complete = false;
                    continue;
                }
                if (price < 0 || discounted < 0 || discounted > price) {
                    findings.unmappable(at, "price " + format(price) + " and discounted_price " + format(discounted)
                            + " must be non-negative with the discounted price at most the price");
                    complete = false;
                    continue;
                }
                charged += price;
                if (price > 0) {
                    adjustments.add(new Adjustment(AdjustmentType.OTHER, price,
                            Texts.truncate("shipping" + (title == null ? "" : ": " + title), MAX_REFERENCE)));
                }
                if (discounted < price) {
                    discounts += price - discounted;
                    adjustments.add(new Adjustment(AdjustmentType.COUPON, discounted - price, "shipping discount"));
                }
            }
            Long stated = setAmount("total_shipping_price_set");
            if (complete && stated != null && stated != charged) {
                findings.unmappable("total_shipping_price_set", "is " + format(stated)
                        + " but the shipping lines' prices add up to " + format(charged));
            }
            return discounts;
        }

        /** {@code field.shop_money.amount}, or null when the set is absent or null. */
        private Long setAmount(String field) {
            JsonNode set = JsonBody.object(findings, order, field, field, false);
            if (set == null) {
                return null;
            }
            JsonNode shopMoney = JsonBody.object(findings, set, "shop_money", field + ".shop_money", true);
            if (shopMoney == null) {
                return null;
            }
            String path = field + ".shop_money";
            String code = JsonBody.text(findings, shopMoney, "currency_code", path + ".currency_code", false);
            if (code != null && currency != null && !code.equals(currency)) {
                findings.unmappable(path + ".currency_code", "is " + Texts.clip(code) + " but the order's currency is "
                        + currency);
                return null;
            }
            Long amount = JsonBody.majorText(findings, shopMoney, "amount", path + ".amount", currency, null);
            if (amount != null && amount < 0) {
                findings.unmappable(path + ".amount", "must not be negative");
                return null;
            }
            return amount;
        }

        private Long nonNegative(String field, Long absent) {
            Long value = JsonBody.majorText(findings, order, field, field, currency, absent);
            if (value != null && value < 0) {
                findings.unmappable(field, "must not be negative");
                return null;
            }
            return value;
        }

        private void extra(List<Adjustment> adjustments, Long amount, String what) {
            if (amount != null && amount > 0) {
                adjustments.add(new Adjustment(AdjustmentType.OTHER, amount, what));
            }
        }

        /** The discount codes, joined, as the order-level coupon's reference; null when there are none. */
        private String discountCodes() {
            JsonNode codes = JsonBody.array(findings, order, "discount_codes", "discount_codes", false);
            StringJoiner joined = new StringJoiner(",");
            for (int i = 0; codes != null && i < codes.size(); i++) {
                if (!codes.get(i).isObject()) {
                    findings.malformed("discount_codes[" + i + "]", "must be an object, not "
                            + JsonBody.kind(codes.get(i)));
                    continue;
                }
                String code = JsonBody.text(findings, codes.get(i), "code", "discount_codes[" + i + "].code", false);
                if (code != null && !code.isBlank()) {
                    joined.add(code.strip());
                }
            }
            return joined.length() == 0 ? null : Texts.truncate(joined.toString(), MAX_REFERENCE);
        }

        /** The gateways of the order's transactions when it lists them, else its payment_gateway_names. */
        private List<String> gateways() {
            List<String> gateways = new ArrayList<>();
            JsonNode transactions = JsonBody.array(findings, order, "transactions", "transactions", false);
            for (int i = 0; transactions != null && i < transactions.size(); i++) {
                if (!transactions.get(i).isObject()) {
                    findings.malformed("transactions[" + i + "]", "must be an object, not "
                            + JsonBody.kind(transactions.get(i)));
                    continue;
                }
                String gateway = JsonBody.text(findings, transactions.get(i), "gateway",
                        "transactions[" + i + "].gateway", false);
                if (gateway != null) {
                    gateways.add(gateway);
                }
            }
            if (!gateways.isEmpty()) {
                return gateways;
            }
            JsonNode names = JsonBody.array(findings, order, "payment_gateway_names", "payment_gateway_names", false);
            for (int i = 0; names != null && i < names.size(); i++) {
                JsonNode name = names.get(i);
                if (!name.isTextual()) {
                    findings.malformed("payment_gateway_names[" + i + "]", "must be a string, not "
                            + JsonBody.kind(name));
                } else {
                    gateways.add(name.textValue());
                }
            }
            return gateways;
        }

        private String breakdown(long grossLines, long lineDiscounts, long taxAdded, List<Adjustment> adjustments) {
            StringJoiner parts = new StringJoiner(", ");
            parts.add("line items " + format(grossLines));
            parts.add("line discounts -" + format(lineDiscounts));
            parts.add("tax added " + format(taxAdded));
            for (Adjustment adjustment : adjustments) {
                String reference = adjustment.reference() == null ? "" : " (" + adjustment.reference() + ")";
                parts.add(adjustment.type().label() + reference + " " + format(adjustment.amount()));
            }
            return parts.toString();
        }

        private String format(Long minor) {
            if (minor == null) {
                return "?";
            }
            return currency == null ? minor + " minor units" : new Money(minor, currency).format();
        }
    }
}
