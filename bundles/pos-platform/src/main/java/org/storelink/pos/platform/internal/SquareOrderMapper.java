package org.storelink.pos.platform.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Maps a full Square Order object (as the Orders API returns it, under {@code data.object.order}) to a canonical
 * sale. Square amounts are already integer minor units ({@code {"amount": 100, "currency": "USD"}}), so every
 * figure is taken as stated; every money must be in the order's currency.
 *
 * <p>Square apportions order-level discounts to the lines ({@code total_discount_money}), so there is no
 * order-level coupon. Tax is added or included by the order's {@code taxes[].type}; service charges and tips are
 * adjustments. Square line items carry no barcode: the GTIN comes from {@code square.gtins} by the line's
 * {@code catalog_object_id}.
 */
final class SquareOrderMapper {
    static final String POS_ID = "square";
    private static final Pattern QUANTITY = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,5})?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,7}");

    private SquareOrderMapper() {
    }

    /**
     * @param at the path of the order in the event, {@code data.object.order}
     */
    static MappedSale map(JsonNode order, String at, String storeId, Map<String, Gtin> gtinByCatalogObject) {
        return new Mapping(order, at, gtinByCatalogObject).sale(storeId);
    }

    /** Square's tender types as canonical ones. */
    static TenderType tenderType(String squareType) {
        return switch (squareType) {
            case "CARD", "THIRD_PARTY_CARD" -> TenderType.CARD;
            case "CASH" -> TenderType.CASH;
            default -> TenderType.OTHER;
        };
    }

    private static final class Mapping {
        private final JsonNode order;
        private final String at;
        private final Map<String, Gtin> gtinByCatalogObject;
        private final Findings findings = new Findings();
        private String currency;

        Mapping(JsonNode order, String at, Map<String, Gtin> gtinByCatalogObject) {
            this.order = order;
            this.at = at;
            this.gtinByCatalogObject = gtinByCatalogObject;
        }

        private String path(String field) {
            return at + "." + field;
        }

        MappedSale sale(String storeId) {
            String receiptNo = JsonBody.id(findings, order, "id", path("id"), true);
            OffsetDateTime occurredAt = JsonBody.dateTime(findings, order, "created_at", path("created_at"));
            JsonNode total = JsonBody.object(findings, order, "total_money", path("total_money"), true);
            Long totalMoney = null;
            if (total != null) {
                // The order's currency is its total's; every other money must be in it.
                totalMoney = SquareMoney.amount(findings, total, path("total_money"), null);
                if (totalMoney != null) {
                    currency = total.get("currency").textValue();
                }
            }

            List<SaleLine> lines = new ArrayList<>();
            long lineDiscounts = 0;
            JsonNode items = JsonBody.array(findings, order, "line_items", path("line_items"), true);
            if (items != null && items.isEmpty()) {
                findings.unmappable(path("line_items"), "the order has no line items");
            }
            for (int i = 0; items != null && i < items.size(); i++) {
                SaleLine line = line(items.get(i), path("line_items[" + i + "]"), i + 1);
                if (line != null) {
                    lines.add(line);
                    lineDiscounts += line.discount();
                }
            }
            Long statedDiscount = money(order, "total_discount_money", false);
            if (items != null && lines.size() == items.size() && statedDiscount != null
                    && statedDiscount != lineDiscounts) {
                findings.unmappable(path("total_discount_money"), "is " + format(statedDiscount)
                        + " but the lines' total_discount_money add up to " + format(lineDiscounts));
            }

            Long tax = money(order, "total_tax_money", false);
            boolean included = taxesIncluded(tax == null ? 0 : tax);
            List<Adjustment> adjustments = new ArrayList<>();
            Long serviceCharges = money(order, "total_service_charge_money", false);
            if (serviceCharges != null && serviceCharges > 0) {
                adjustments.add(new Adjustment(AdjustmentType.OTHER, serviceCharges, "service charges"));
            }
            Long tips = money(order, "total_tip_money", false);
            if (tips != null && tips > 0) {
                adjustments.add(new Adjustment(AdjustmentType.OTHER, tips, "tip"));
            }
            JsonNode rounding = JsonBody.object(findings, order, "rounding_adjustment", path("rounding_adjustment"),
                    false);
            if (rounding != null) {
                Long amount = money(rounding, "amount_money", path("rounding_adjustment.amount_money"), false);
                if (amount != null && amount != 0) {
                    findings.unmappable(path("rounding_adjustment"), "cash rounding is not mapped yet");
                }
            }
            List<Tender> tenders = tenders();

            if (!findings.isEmpty()) {
                return MappedSale.refused(findings);
            }
            long taxValue = tax == null ? 0 : tax;
            Sale sale = new Sale(storeId, POS_ID, receiptNo, occurredAt, currency, lines, included ? 0 : taxValue,
                    included ? taxValue : 0, adjustments, tenders, 0, totalMoney, null, null);
            List<Violation> rules = new ArrayList<>();
            for (Violation violation : SaleValidator.validate(sale)) {
                rules.add(new Violation("sale." + violation.path(), violation.message()));
            }
            return rules.isEmpty() ? MappedSale.of(sale) : new MappedSale(null, List.of(), rules);
        }

        private SaleLine line(JsonNode item, String itemAt, int lineNo) {
            if (!item.isObject()) {
                findings.malformed(itemAt, "must be an object, not " + JsonBody.kind(item));
                return null;
            }
            int before = findings.size();
            BigDecimal quantity = quantity(item, itemAt);
            Long base = money(item, "base_price_money", itemAt + ".base_price_money", true);
            long unitPrice = base == null ? 0 : base;
            JsonNode modifiers = JsonBody.array(findings, item, "modifiers", itemAt + ".modifiers", false);
            for (int j = 0; modifiers != null && j < modifiers.size(); j++) {
                String modifierAt = itemAt + ".modifiers[" + j + "]";
                JsonNode modifier = modifiers.get(j);
                if (!modifier.isObject()) {
                    findings.malformed(modifierAt, "must be an object, not " + JsonBody.kind(modifier));
                    continue;
                }
                Long price = money(modifier, "base_price_money", modifierAt + ".base_price_money", true);
                String count = JsonBody.text(findings, modifier, "quantity", modifierAt + ".quantity", false);
                if (count != null && !WHOLE.matcher(count).matches()) {
                    findings.unmappable(modifierAt + ".quantity", "\"" + Texts.clip(count)
                            + "\" is not a whole number of modifiers per item");
                } else if (price != null) {
                    try {
                        unitPrice = Math.addExact(unitPrice,
                                Math.multiplyExact(price, count == null ? 1 : Long.parseLong(count)));
                    } catch (ArithmeticException e) {
                        unitPrice = Long.MAX_VALUE;
                    }
                }
            }
            String name = JsonBody.text(findings, item, "name", itemAt + ".name", false);
            String variation = JsonBody.text(findings, item, "variation_name", itemAt + ".variation_name", false);
            Gtin gtin = gtin(item, itemAt);
            Long discount = money(item, "total_discount_money", itemAt + ".total_discount_money", false);
            Long gross = money(item, "gross_sales_money", itemAt + ".gross_sales_money", false);
            if (findings.size() > before || quantity == null || base == null) {
                return null;
            }
            if (unitPrice == Long.MAX_VALUE || Math.abs(unitPrice) > SaleValidator.MAX_AMOUNT) {
                findings.unmappable(itemAt, "the unit price with modifiers exceeds " + SaleValidator.MAX_AMOUNT
                        + " minor units");
                return null;
            }
            String label = name == null ? variation
                    : variation == null || variation.isBlank() ? name : name + " (" + variation + ")";
            SaleLine line = new SaleLine(lineNo, gtin, Texts.truncate(label, ShopifyOrderMapper.MAX_NAME), quantity,
                    unitPrice, discount == null ? 0 : discount, null, null);
            long computed;
            try {
                computed = line.grossAmount();
            } catch (ArithmeticException e) {
                computed = Long.MAX_VALUE;
            }
            if (Math.abs(computed) > SaleValidator.MAX_AMOUNT) {
                findings.unmappable(itemAt, "quantity times price exceeds " + SaleValidator.MAX_AMOUNT
                        + " minor units");
                return null;
            }
            if (gross != null && gross != computed) {
                findings.unmappable(itemAt + ".gross_sales_money", "is " + format(gross) + " but quantity "
                        + quantity.toPlainString() + " times the unit price " + format(unitPrice) + " is "
                        + format(computed));
                return null;
            }
            return line;
        }

        private BigDecimal quantity(JsonNode item, String itemAt) {
            String text = JsonBody.text(findings, item, "quantity", itemAt + ".quantity", true);
            if (text == null) {
                return null;
            }
            if (!QUANTITY.matcher(text).matches()) {
                findings.malformed(itemAt + ".quantity", "\"" + Texts.clip(text)
                        + "\" is not a decimal quantity such as \"2\" or \"0.532\"");
                return null;
            }
            return new BigDecimal(text);
        }

        private Gtin gtin(JsonNode item, String itemAt) {
            String catalogObject = JsonBody.text(findings, item, "catalog_object_id", itemAt + ".catalog_object_id",
                    false);
            Gtin gtin = catalogObject == null ? null : gtinByCatalogObject.get(catalogObject);
            if (gtin == null) {
                findings.unmappable(itemAt + ".catalog_object_id", "no GTIN for this line: Square line items carry"
                        + " no barcode, and " + (catalogObject == null ? "it has no catalog_object_id"
                                : "catalog object \"" + Texts.clip(catalogObject) + "\" is not in square.gtins"));
            }
            return gtin;
        }

        /** Whether the tax is included in the prices: every tax INCLUSIVE. Mixed kinds cannot be split. */
        private boolean taxesIncluded(long tax) {
            JsonNode taxes = JsonBody.array(findings, order, "taxes", path("taxes"), false);
            int inclusive = 0;
            int additive = 0;
            for (int i = 0; taxes != null && i < taxes.size(); i++) {
                JsonNode node = taxes.get(i);
                String type = node.isObject()
                        ? JsonBody.text(findings, node, "type", path("taxes[" + i + "].type"), false) : null;
                if ("INCLUSIVE".equals(type)) {
                    inclusive++;
                } else if ("ADDITIVE".equals(type)) {
                    additive++;
                } else {
                    findings.unmappable(path("taxes[" + i + "]"), "type must be ADDITIVE or INCLUSIVE");
                }
            }
            if (inclusive > 0 && additive > 0 && tax != 0) {
                findings.unmappable(path("taxes"), "mixes INCLUSIVE and ADDITIVE taxes, which the order's"
                        + " total_tax_money does not split");
            }
            if (tax != 0 && inclusive == 0 && additive == 0) {
                findings.unmappable(path("taxes"), "total_tax_money is " + format(tax)
                        + " but no tax says whether it is ADDITIVE or INCLUSIVE");
            }
            return inclusive > 0 && additive == 0;
        }

        private List<Tender> tenders() {
            List<Tender> tenders = new ArrayList<>();
            JsonNode nodes = JsonBody.array(findings, order, "tenders", path("tenders"), true);
            for (int i = 0; nodes != null && i < nodes.size(); i++) {
                String tenderAt = path("tenders[" + i + "]");
                JsonNode node = nodes.get(i);
                if (!node.isObject()) {
                    findings.malformed(tenderAt, "must be an object, not " + JsonBody.kind(node));
                    continue;
                }
                String type = JsonBody.text(findings, node, "type", tenderAt + ".type", true);
                Long amount = money(node, "amount_money", tenderAt + ".amount_money", true);
                String reference = JsonBody.text(findings, node, "id", tenderAt + ".id", false);
                if (type != null && amount != null) {
                    tenders.add(new Tender(tenderType(type), amount, Texts.truncate(reference,
                            ShopifyOrderMapper.MAX_REFERENCE)));
                }
            }
            return tenders;
        }

        private Long money(JsonNode parent, String field, boolean required) {
            return money(parent, field, path(field), required);
        }

        /** A Square Money object {@code {amount, currency}} in the order's currency. */
        private Long money(JsonNode parent, String field, String moneyAt, boolean required) {
            JsonNode money = JsonBody.object(findings, parent, field, moneyAt, required);
            if (money == null) {
                return null;
            }
            return SquareMoney.amount(findings, money, moneyAt, currency);
        }

        private String format(long minor) {
            return currency == null ? minor + " minor units" : new Money(minor, currency).format();
        }
    }
}
