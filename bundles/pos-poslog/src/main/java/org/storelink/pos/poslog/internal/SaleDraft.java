package org.storelink.pos.poslog.internal;

import static org.storelink.pos.poslog.internal.TransactionMapper.clip;
import static org.storelink.pos.poslog.internal.TransactionMapper.lower;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.storelink.pos.poslog.internal.LinePricing.Priced;
import org.storelink.pos.poslog.internal.TransactionMapper.Header;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.SourceTransaction.Kind;

/**
 * Builds the canonical sale of one RetailTransaction and collects every problem on the way. Amounts are only ever
 * taken from the file; nothing is made up to make a transaction balance, so a transaction that does not balance is
 * rejected with {@link SaleValidator}'s reasons.
 */
final class SaleDraft {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final int MAX_NUMBER_TEXT = 40;
    private static final int GTIN_LENGTH = 14;

    private final String ns;
    private final ReadSettings settings;
    private final Header header;
    private final Node tx;
    private final Node retail;

    private final List<Violation> problems = new ArrayList<>();
    /** Paths where our own reason replaces what the validator would say about the stand-in values. */
    private final Set<String> ownPaths = new HashSet<>();
    /** Some amount could not be read, so the validator's balance check would only add noise. */
    private boolean incomplete;

    private String currency;
    private final List<SaleLine> lines = new ArrayList<>();
    /** The item code of each canonical line, to find what a void cancels. */
    private final List<String> codes = new ArrayList<>();
    /** Quantity of each canonical line still open to voiding; null for voiding and stand-in lines. */
    private final List<BigDecimal> voidable = new ArrayList<>();
    private final List<Adjustment> adjustments = new ArrayList<>();
    private final List<Tender> tenders = new ArrayList<>();
    private long change;
    private long taxLines;
    private boolean hasTaxLines;
    private long lineTax;
    private boolean hasLineTax;

    SaleDraft(String ns, ReadSettings settings, Header header, Node tx, Node retail) {
        this.ns = ns;
        this.settings = settings;
        this.header = header;
        this.tx = tx;
        this.retail = retail;
    }

    SourceTransaction build() {
        Kind kind = isReturn() ? Kind.RETURN : Kind.SALE;
        String returnOf = kind == Kind.RETURN ? returnOf() : null;
        String reference = header.reference() + (returnOf == null ? "" : " (return of " + returnOf + ")");

        if (header.retailStoreId() == null) {
            own("storeId", "the transaction states no RetailStoreID (nor BusinessUnit UnitID)");
        } else if (settings.retailStoreId() != null && !settings.retailStoreId().equals(header.retailStoreId())) {
            own("storeId", "RetailStoreID " + header.retailStoreId() + " is not this feed's store (option "
                    + ReadSettings.OPTION_RETAIL_STORE_ID + "=" + clip(settings.retailStoreId()) + ")");
        }
        if (header.businessDayProblem() != null) {
            problems.add(header.businessDayProblem());
        }
        OffsetDateTime occurredAt = occurredAt();
        currency = currency();
        if (currency == null) {
            return new SourceTransaction(reference, kind, null, problems, header.businessDay());
        }

        for (Node lineItem : retail.children(ns, "LineItem")) {
            lineItem(lineItem);
        }
        Long grand = null;
        Long taxTotal = null;
        for (Node total : retail.children(ns, "Total")) {
            String type = total.attribute("TotalType");
            if ("TransactionGrandAmount".equals(type)) {
                grand = money(total.text(), "total", "Total TransactionGrandAmount");
            } else if ("TransactionTaxAmount".equals(type)) {
                taxTotal = money(total.text(), "tax", "Total TransactionTaxAmount");
            }
        }
        long tax = tax(taxTotal);
        boolean included = taxIsIncluded(tax, grand);

        Sale sale = new Sale(settings.store().id(), header.workstationId(), header.sequenceNumber(), occurredAt,
                currency, lines, included ? 0 : tax, included ? tax : 0, adjustments, tenders, change, grand,
                null, null);
        List<Violation> all = new ArrayList<>(problems);
        for (Violation violation : SaleValidator.validate(sale)) {
            if (!replaced(violation.path())) {
                all.add(violation);
            }
        }
        if (all.isEmpty()) {
            return SourceTransaction.accepted(reference, kind, sale, header.businessDay());
        }
        return new SourceTransaction(reference, kind, null, all, header.businessDay());
    }

    // ---- kind and links

    private boolean isReturn() {
        for (String attribute : List.of("TransactionType", "TypeCode")) {
            String type = lower(retail.attribute(attribute));
            if ("return".equals(type) || "refund".equals(type)) {
                return true;
            }
        }
        for (Node lineItem : retail.children(ns, "LineItem")) {
            Node item = lineItem.child(ns, "Return");
            if (item != null && !lineItem.flag("VoidFlag") && !item.flag("VoidFlag")) {
                return true;
            }
        }
        return false;
    }

    /** The original receipt of a return, as store/workstation/sequence (of business day), or null. */
    private String returnOf() {
        for (Node lineItem : retail.children(ns, "LineItem")) {
            Node item = lineItem.child(ns, "Return");
            Node link = item == null ? null : item.child(ns, "TransactionLink");
            if (link != null) {
                return describeLink(link);
            }
        }
        for (Node link : retail.children(ns, "TransactionLink")) {
            String reason = lower(link.attribute("ReasonCode"));
            if (reason != null && (reason.contains("return") || reason.contains("refund"))) {
                return describeLink(link);
            }
        }
        return null;
    }

    private String describeLink(Node link) {
        String store = link.childText(ns, "RetailStoreID");
        if (store == null) {
            Node unit = link.child(ns, "BusinessUnit");
            store = unit == null ? null : unit.childText(ns, "UnitID");
        }
        String text = orQuestion(store) + "/" + orQuestion(link.childText(ns, "WorkstationID")) + "/"
                + orQuestion(link.childText(ns, "SequenceNumber"));
        String day = link.childText(ns, "BusinessDayDate");
        return day == null ? text : text + " of " + clip(day);
    }

    private static String orQuestion(String value) {
        return value == null ? "?" : clip(value);
    }

    // ---- header values

    private OffsetDateTime occurredAt() {
        String what = "EndDateTime";
        String text = tx.childText(ns, what);
        if (text == null) {
            what = "ReceiptDateTime";
            text = retail.childText(ns, what);
        }
        if (text == null) {
            what = "BeginDateTime";
            text = tx.childText(ns, what);
        }
        if (text == null) {
            own("occurredAt", "the transaction states no EndDateTime, ReceiptDateTime or BeginDateTime");
            return null;
        }
        try {
            return TransactionMapper.dateTime(text, settings.store().zone());
        } catch (DateTimeException e) {
            own("occurredAt", what + " \"" + clip(text) + "\" is not an ISO date-time such as 2017-10-01T02:01:31");
            return null;
        }
    }

    private String currency() {
        String code = tx.childText(ns, "CurrencyCode");
        if (code == null) {
            code = retail.childText(ns, "CurrencyCode");
        }
        if (code == null) {
            code = settings.currency();
        }
        if (code == null) {
            own("currency", "the transaction states no CurrencyCode (set the option " + ReadSettings.OPTION_CURRENCY
                    + " for files without one)");
            return null;
        }
        try {
            Money.exponent(code);
            return code;
        } catch (IllegalArgumentException e) {
            own("currency", "CurrencyCode: " + e.getMessage());
            return null;
        }
    }

    // ---- line items

    private void lineItem(Node lineItem) {
        boolean voided = lineItem.flag("VoidFlag");
        String sequence = lineItem.childText(ns, "SequenceNumber");
        String where = "LineItem " + (sequence == null ? "?" : clip(sequence));
        Node sale = lineItem.child(ns, "Sale");
        Node returned = lineItem.child(ns, "Return");
        if (sale != null) {
            item(where, sale, false, voided || sale.flag("VoidFlag"));
        } else if (returned != null) {
            item(where, returned, true, voided || returned.flag("VoidFlag"));
        }
        if (voided) {
            // A voided tender, tax, discount or reward line was cancelled at the till: it moved no money.
            return;
        }
        Node element = lineItem.child(ns, "Tender");
        if (element != null) {
            tender(where, element);
        }
        element = lineItem.child(ns, "Tax");
        if (element != null) {
            taxLine(where, element);
        }
        element = lineItem.child(ns, "Discount");
        if (element != null) {
            discount(where, element);
        }
        element = lineItem.child(ns, "LoyaltyReward");
        if (element != null) {
            loyaltyReward(where, element);
        }
        element = lineItem.child(ns, "Rounding");
        if (element != null) {
            rounding(where, element);
        }
    }

    private void item(String where, Node item, boolean isReturn, boolean voided) {
        if (isReturn && voided) {
            // A return cancelled at the till refunded nothing.
            return;
        }
        int index = lines.size();
        String path = "lines[" + index + "]";
        String code = itemCode(item);
        String name = name(item.childText(ns, "Description"));
        BigDecimal quantity = quantity(item, path, where);
        String extendedText = item.childText(ns, "ExtendedAmount");
        if (extendedText == null) {
            own(path, where + ": the item states no ExtendedAmount");
        }
        Long extended = money(extendedText, path, where + " ExtendedAmount");
        Long regular = money(item.childText(ns, "RegularSalesUnitPrice"), path + ".unitPrice",
                where + " RegularSalesUnitPrice");
        Long actual = money(item.childText(ns, "ActualSalesUnitPrice"), path + ".unitPrice",
                where + " ActualSalesUnitPrice");
        Long afterDiscount = money(item.childText(ns, "ExtendedDiscountAmount"), path + ".discount",
                where + " ExtendedDiscountAmount");
        Long discount = statedDiscount(item, path, where);
        String promotion = promotion(item);
        lineTaxes(item, isReturn, where);
        if (quantity == null || extended == null || discount == null || incompleteAt(path)) {
            standIn(path, code, name);
            return;
        }

        if (!isReturn && !voided && quantity.signum() > 0 && extended < 0) {
            // A negative item (a bottle deposit refund, a coupon rung up as an item): money the file states for
            // the whole transaction rather than a line of goods.
            String type = lower(item.attribute("ItemType"));
            adjustments.add(new Adjustment(type != null && type.contains("coupon") ? AdjustmentType.COUPON
                    : AdjustmentType.OTHER, extended, clip(code == null ? name : name == null ? code : code + " " + name)));
            return;
        }

        Gtin gtin = gtin(code, path + ".gtin", where);
        BigDecimal magnitude = quantity.abs();
        long net = Math.abs(extended);
        if (!isReturn && voided && (quantity.signum() < 0 || extended < 0)) {
            voiding(where, path, code, gtin, name, magnitude, net, regular, actual, afterDiscount, discount, promotion);
            return;
        }
        Priced priced = price(path, where, magnitude, net, regular, actual, afterDiscount, discount, null);
        if (priced == null) {
            standIn(path, code, name);
            return;
        }
        boolean negative = isReturn || quantity.signum() < 0;
        SaleLine line = new SaleLine(index + 1, gtin, name, negative ? magnitude.negate() : magnitude,
                priced.unitPrice(), priced.discount(), promotion, null);
        add(line, code, negative ? null : magnitude);
        if (voided) {
            // Standard POSLog: the voided line stays as rung up and is cancelled by the line right after it.
            SaleLine cancel = new SaleLine(lines.size() + 1, gtin, name, magnitude.negate(), priced.unitPrice(),
                    priced.discount(), promotion, line.lineNo());
            voidable.set(index, BigDecimal.ZERO);
            add(cancel, code, null);
        }
    }

    /** NCR ACS style: a negative line flagged VoidFlag cancels an earlier line of the same item. */
    private void voiding(String where, String path, String code, Gtin gtin, String name, BigDecimal quantity,
            long net, Long regular, Long actual, Long afterDiscount, long discount, String promotion) {
        int target = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            BigDecimal left = voidable.get(i);
            if (left != null && Objects.equals(codes.get(i), code) && left.compareTo(quantity) >= 0) {
                target = i;
                break;
            }
        }
        if (target < 0) {
            own(path + ".voidsLine", where + " voids " + quantity.toPlainString() + " of item " + orQuestion(code)
                    + " but no earlier line of that item has that much left to void");
            standIn(path, code, name);
            return;
        }
        SaleLine voided = lines.get(target);
        Priced priced = price(path, where, quantity, net, regular, actual, afterDiscount, discount,
                voided.unitPrice());
        if (priced == null) {
            standIn(path, code, name);
            return;
        }
        voidable.set(target, voidable.get(target).subtract(quantity));
        add(new SaleLine(lines.size() + 1, gtin, name, quantity.negate(), priced.unitPrice(), priced.discount(),
                promotion, voided.lineNo()), code, null);
    }

    private void add(SaleLine line, String code, BigDecimal openToVoid) {
        lines.add(line);
        codes.add(code);
        voidable.add(openToVoid);
    }

    /** Keeps line indexes stable for a line that could not be read; our reason replaces the validator's. */
    private void standIn(String path, String code, String name) {
        lines.add(new SaleLine(lines.size() + 1, null, name, null, 0, 0, null, null));
        codes.add(code);
        voidable.add(null);
        ownPaths.add(path);
        incomplete = true;
    }

    /**
     * The line's money and its canonical price. ExtendedAmount is authoritative; a stated discount (price
     * modifiers or DiscountAmount) is taken off it only when the file shows ExtendedAmount is the amount before
     * that discount: quantity × RegularSalesUnitPrice equals it, or ExtendedDiscountAmount equals it less the
     * discount (POSLog 6.0).
     */
    private Priced price(String path, String where, BigDecimal quantity, long extended, Long regular, Long actual,
            Long afterDiscount, long discount, Long preferred) {
        long net = extended;
        if (discount != 0) {
            Long gross = regular == null || regular < 0 ? null : LinePricing.gross(quantity, regular);
            boolean extendedIsNet = gross != null && gross - discount == extended;
            boolean extendedIsGross = gross != null && gross == extended
                    || afterDiscount != null && Math.abs(afterDiscount) == extended - discount;
            if (!extendedIsNet && extendedIsGross) {
                net = extended - discount;
            }
        }
        if (net < 0) {
            own(path + ".discount", where + ": discounts of " + format(discount) + " exceed the ExtendedAmount "
                    + format(extended));
            return null;
        }
        if (quantity.signum() == 0) {
            if (net != 0) {
                own(path, where + ": ExtendedAmount " + format(net) + " with a Quantity of 0");
                return null;
            }
            return new Priced(regular == null || regular < 0 ? 0 : regular, 0);
        }
        if (quantity.compareTo(SaleValidator.MAX_QUANTITY) > 0) {
            // The validator reports the quantity; there is nothing sensible to price.
            return new Priced(0, 0);
        }
        Priced priced = LinePricing.fit(quantity, net, Arrays.asList(preferred, regular, actual));
        if (priced == null) {
            own(path + ".unitPrice", where + ": no unit price within range gives Quantity "
                    + quantity.toPlainString() + " the ExtendedAmount " + format(net));
        }
        return priced;
    }

    private String itemCode(Node item) {
        for (Node identity : item.children(ns, "POSIdentity")) {
            String code = identity.childText(ns, "POSItemID");
            if (code != null) {
                return clip(code);
            }
        }
        return clip(item.childText(ns, "ItemID"));
    }

    /**
     * A GTIN as the item states it. The only change made is dropping zeros in front of a 14-digit number, which
     * does not change its value; a PLU or in-store code is never padded or given a check digit.
     */
    private Gtin gtin(String code, String path, String where) {
        if (code == null) {
            own(path, where + ": the item states no POSItemID or ItemID");
            return null;
        }
        String digits = code;
        if (digits.length() > GTIN_LENGTH && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && digits.substring(0, digits.length() - GTIN_LENGTH).chars().allMatch(c -> c == '0')) {
            digits = digits.substring(digits.length() - GTIN_LENGTH);
        }
        var problem = Gtin.problem(digits);
        if (problem.isPresent()) {
            own(path, where + ": item code \"" + clip(code) + "\" is not a GTIN (" + problem.get()
                    + "); codes without a valid GS1 check digit, such as bare PLUs, are not padded or guessed");
            return null;
        }
        return Gtin.parse(digits);
    }

    private BigDecimal quantity(Node item, String path, String where) {
        String text = item.childText(ns, "Quantity");
        if (text == null) {
            return BigDecimal.ONE;
        }
        if (text.length() > MAX_NUMBER_TEXT || !DECIMAL.matcher(text).matches()) {
            own(path + ".quantity", where + ": Quantity \"" + clip(text) + "\" is not a plain decimal number");
            incomplete = true;
            return null;
        }
        BigDecimal quantity = new BigDecimal(text).stripTrailingZeros();
        return quantity.scale() < 0 ? quantity.setScale(0) : quantity;
    }

    private Long statedDiscount(Node item, String path, String where) {
        List<Node> modifiers = item.children(ns, "RetailPriceModifier");
        if (!modifiers.isEmpty()) {
            long sum = 0;
            for (Node modifier : modifiers) {
                Node amount = modifier.child(ns, "Amount");
                if (amount == null || amount.text() == null) {
                    continue; // a percentage alone: ExtendedAmount already says what it came to
                }
                Long value = money(amount.text(), path + ".discount", where + " RetailPriceModifier Amount");
                if (value == null) {
                    return null;
                }
                String action = lower(amount.attribute("Action"));
                if (action == null) {
                    action = lower(modifier.attribute("Action"));
                }
                sum += "add".equals(action) ? -Math.abs(value) : Math.abs(value);
            }
            return sum;
        }
        String stated = item.childText(ns, "DiscountAmount");
        if (stated == null) {
            return 0L;
        }
        Long value = money(stated, path + ".discount", where + " DiscountAmount");
        return value == null ? null : Math.abs(value);
    }

    private String promotion(Node item) {
        for (Node modifier : item.children(ns, "RetailPriceModifier")) {
            String id = modifier.childText(ns, "PromotionID");
            if (id != null) {
                return clip(id);
            }
        }
        return null;
    }

    private void lineTaxes(Node item, boolean isReturn, String where) {
        for (Node tax : item.children(ns, "Tax")) {
            Long amount = money(tax.childText(ns, "Amount"), "tax", where + " Tax Amount");
            if (amount != null) {
                lineTax += isReturn ? -Math.abs(amount) : amount;
                hasLineTax = true;
            }
        }
    }

    // ---- tenders, taxes, adjustments

    private void tender(String where, Node tender) {
        String path = "tenders[" + tenders.size() + "]";
        String amountText = tender.childText(ns, "Amount");
        if (amountText == null) {
            own(path + ".amount", where + ": the Tender states no Amount");
            incomplete = true;
            return;
        }
        Long amount = money(amountText, path + ".amount", where + " Tender Amount");
        Node changeNode = tender.child(ns, "TenderChange");
        if (changeNode == null) {
            changeNode = tender.child(ns, "Change");
        }
        Long given = null;
        if (changeNode != null) {
            String text = changeNode.childText(ns, "Amount");
            given = money(text == null ? changeNode.text() : text, "change", where + " TenderChange Amount");
            if (given != null) {
                change += Math.abs(given);
            }
        }
        if (amount == null) {
            return;
        }
        if (amount < 0 && given != null && Math.abs(amount) == Math.abs(given)) {
            return; // NCR ACS writes change as a negative cash tender holding its TenderChange
        }
        if (amount == 0) {
            return; // nothing was paid
        }
        boolean refund = "refund".equals(lower(tender.attribute("TypeCode")));
        tenders.add(new Tender(tenderType(tender), refund ? -Math.abs(amount) : amount, reference(tender)));
    }

    private TenderType tenderType(Node tender) {
        String type = tender.attribute("TenderType");
        if (type == null) {
            type = tender.childText(ns, "TenderType");
        }
        StringBuilder described = new StringBuilder();
        for (String part : new String[] {tender.attribute("TenderDescription"), tender.childText(ns, "Description"),
                text(tender.vendorChild(ns, "TenderDescription")), tender.childText(ns, "TenderID"), type}) {
            if (part != null) {
                described.append(' ').append(part.toLowerCase(Locale.ROOT));
            }
        }
        String words = described.toString();
        if (words.contains("alipay") || words.contains("支付宝")) {
            return TenderType.ALIPAY;
        }
        if (words.contains("wechat") || words.contains("weixin") || words.contains("微信")) {
            return TenderType.WECHAT;
        }
        String kind = lower(type);
        if ("cash".equals(kind)) {
            return TenderType.CASH;
        }
        if (kind != null && (kind.equals("creditdebit") || kind.equals("credit") || kind.equals("debit")
                || kind.equals("creditcard") || kind.equals("debitcard") || kind.equals("card"))) {
            return TenderType.CARD;
        }
        return TenderType.OTHER;
    }

    private static String text(Node node) {
        return node == null ? null : node.text();
    }

    private String reference(Node tender) {
        Node authorization = tender.child(ns, "Authorization");
        return authorization == null ? null : clip(authorization.childText(ns, "ReferenceNumber"));
    }

    private void taxLine(String where, Node tax) {
        String text = tax.childText(ns, "Amount");
        if (text == null) {
            own("tax", where + ": the Tax states no Amount");
            incomplete = true;
            return;
        }
        Long amount = money(text, "tax", where + " Tax Amount");
        if (amount != null) {
            taxLines += amount;
            hasTaxLines = true;
        }
    }

    private void discount(String where, Node discount) {
        String path = "adjustments[" + adjustments.size() + "]";
        Node amountNode = discount.child(ns, "Amount");
        String text = amountNode == null ? discount.text() : amountNode.text();
        if (text == null) {
            own(path + ".amount", where + ": the Discount states no Amount");
            incomplete = true;
            return;
        }
        Long amount = money(text, path + ".amount", where + " Discount Amount");
        if (amount == null || amount == 0) {
            return;
        }
        String action = amountNode == null ? null : lower(amountNode.attribute("Action"));
        String reason = lower(discount.childText(ns, "ReasonCode"));
        String benefit = lower(discount.attribute("DiscountBenefit"));
        boolean coupon = discount.child(ns, "Coupon") != null || reason != null && reason.contains("coupon")
                || benefit != null && benefit.contains("coupon");
        String reference = discount.childText(ns, "PromotionID");
        adjustments.add(new Adjustment(coupon ? AdjustmentType.COUPON : AdjustmentType.OTHER,
                "add".equals(action) ? Math.abs(amount) : -Math.abs(amount),
                clip(reference == null ? discount.childText(ns, "ReasonCode") : reference)));
    }

    /**
     * NCR ACS loyalty rewards: a Monetary reward moves money. ACS writes a reward once summarised
     * ({@code acs:summarizedActivity}) and again per item ({@code acs:detailedData} alone); only the first counts.
     */
    private void loyaltyReward(String where, Node reward) {
        Node category = reward.vendorChild(ns, "RewardCategory");
        Node amountNode = reward.vendorChild(ns, "ExtendedRewardAmount");
        if (category == null || amountNode == null || !"monetary".equals(lower(category.text()))) {
            return;
        }
        boolean detailed = "true".equals(lower(reward.attribute("detailedData")));
        boolean summarized = "true".equals(lower(reward.attribute("summarizedActivity")));
        if (detailed && !summarized) {
            return;
        }
        String path = "adjustments[" + adjustments.size() + "].amount";
        String text = amountNode.text();
        if (text == null) {
            own(path, where + ": the LoyaltyReward states no ExtendedRewardAmount");
            incomplete = true;
            return;
        }
        Long amount = money(text, path, where + " ExtendedRewardAmount");
        if (amount != null && amount != 0) {
            adjustments.add(new Adjustment(AdjustmentType.LOYALTY, amount, clip(reward.childText(ns, "PromotionID"))));
        }
    }

    private void rounding(String where, Node rounding) {
        String path = "adjustments[" + adjustments.size() + "].amount";
        Node amountNode = rounding.child(ns, "Amount");
        String text = amountNode == null ? rounding.text() : amountNode.text();
        Long amount = money(text, path, where + " Rounding Amount");
        if (amount != null && amount != 0) {
            adjustments.add(new Adjustment(AdjustmentType.ROUNDING, amount, null));
        }
    }

    /** Tax lines of the transaction if any, else the items' own Tax, else the TransactionTaxAmount total. */
    private long tax(Long taxTotal) {
        if (hasTaxLines) {
            if (taxTotal != null && taxTotal != taxLines) {
                own("tax", "the Tax lines add up to " + format(taxLines) + " but TransactionTaxAmount is "
                        + format(taxTotal));
            }
            return taxLines;
        }
        if (hasLineTax) {
            return lineTax;
        }
        return taxTotal == null ? 0 : taxTotal;
    }

    /**
     * Whether the tax is contained in the line prices (VAT style) rather than added on top (US style): it is
     * included only when the grand total (or, without one, the tenders) is met by lines and adjustments alone and
     * not with the tax added.
     */
    private boolean taxIsIncluded(long tax, Long grand) {
        if (tax == 0 || incomplete) {
            return false;
        }
        long target;
        long base;
        try {
            if (grand != null) {
                target = grand;
            } else {
                target = 0;
                for (Tender tender : tenders) {
                    target = Math.addExact(target, tender.amount());
                }
                target = Math.subtractExact(target, change);
            }
            base = 0;
            for (SaleLine line : lines) {
                base = Math.addExact(base, line.amount());
            }
            for (Adjustment adjustment : adjustments) {
                base = Math.addExact(base, adjustment.amount());
            }
        } catch (ArithmeticException e) {
            return false;
        }
        return base == target && base + tax != target;
    }

    // ---- helpers

    /** Minor units from a plain decimal, or null (with a problem at {@code path}) when it is not one. */
    private Long money(String text, String path, String what) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_NUMBER_TEXT) {
            own(path, what + " \"" + clip(text) + "\" is too long to be an amount");
            incomplete = true;
            return null;
        }
        long minor;
        try {
            minor = Money.parseMajor(text, currency);
        } catch (IllegalArgumentException e) {
            own(path, what + " " + e.getMessage());
            incomplete = true;
            return null;
        }
        if (minor > SaleValidator.MAX_AMOUNT || minor < -SaleValidator.MAX_AMOUNT) {
            own(path, what + " " + text + " is beyond the limit of " + SaleValidator.MAX_AMOUNT + " minor units");
            incomplete = true;
            return null;
        }
        return minor;
    }

    private String format(long minor) {
        return new Money(minor, currency).format();
    }

    private static String name(String description) {
        if (description == null) {
            return null;
        }
        return description.length() <= 200 ? description : description.substring(0, 200);
    }

    private void own(String path, String message) {
        problems.add(new Violation(path, message));
        ownPaths.add(path);
    }

    private boolean incompleteAt(String path) {
        for (String own : ownPaths) {
            if (own.equals(path) || own.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a validator finding is about a value we already explained (or one we could not read). */
    private boolean replaced(String path) {
        if (incomplete && (path.equals("tenders") || path.equals("total"))) {
            return true;
        }
        for (String own : ownPaths) {
            if (path.equals(own) || path.startsWith(own + ".") || path.startsWith(own + "[")) {
                return true;
            }
        }
        return false;
    }
}
