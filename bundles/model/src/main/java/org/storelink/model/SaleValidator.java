package org.storelink.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The business rules a sale must meet before it is recorded. Every problem is reported, not just
 * the first, so a till integrator can fix a payload in one round trip. Paths use the JSON names of
 * the canonical form ({@code tax}, {@code total}), since that is what the sender sees.
 */
public final class SaleValidator {

    /**
     * Largest magnitude accepted for any amount, in minor units (10^13: CNY 100 billion). Far above
     * any real receipt, and low enough that summing a receipt's amounts cannot overflow a long.
     */
    public static final long MAX_AMOUNT = 10_000_000_000_000L;

    /** Largest magnitude of a line quantity; bounds the arithmetic done on hostile input. */
    public static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000);

    public static final int MAX_QUANTITY_DECIMALS = 3;

    public static final int MAX_ID_LENGTH = 64;

    private SaleValidator() {
    }

    public static List<Violation> validate(Sale sale) {
        Objects.requireNonNull(sale, "sale");
        Check check = new Check(sale);
        check.ids();
        check.currency();
        if (sale.occurredAt() == null) {
            check.add("occurredAt", "is required");
        }
        check.lines();
        check.nonNegativeAmount("tax", sale.taxAdded());
        check.nonNegativeAmount("taxIncluded", sale.taxIncluded());
        check.adjustments();
        check.tenders();
        check.change();
        check.balance();
        return List.copyOf(check.violations);
    }

    /** One validation run; holds what later rules need to know about earlier ones. */
    private static final class Check {

        private final Sale sale;
        private final List<Violation> violations = new ArrayList<>();
        private String validCurrency;
        // False once any amount is missing or out of range: the balance cannot be computed then.
        private boolean computable = true;

        Check(Sale sale) {
            this.sale = sale;
        }

        void add(String path, String message) {
            violations.add(new Violation(path, message));
        }

        void ids() {
            id("storeId", sale.storeId());
            id("posId", sale.posId());
            id("receiptNo", sale.receiptNo());
        }

        private void id(String path, String value) {
            if (value == null || value.isBlank()) {
                add(path, "is required");
            } else if (value.length() > MAX_ID_LENGTH) {
                add(path, "must be at most " + MAX_ID_LENGTH + " characters");
            } else if (value.indexOf('/') >= 0) {
                add(path, "must not contain '/', which separates the parts of the sale id");
            }
        }

        void currency() {
            try {
                Money.exponent(sale.currency());
                validCurrency = sale.currency();
            } catch (IllegalArgumentException e) {
                add("currency", e.getMessage());
            }
        }

        void lines() {
            List<SaleLine> lines = sale.lines();
            if (lines.isEmpty()) {
                add("lines", "at least one line is required");
                return;
            }
            Map<Integer, Integer> firstIndexOfLineNo = new HashMap<>();
            Map<Integer, BigDecimal> voidedSoFar = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                SaleLine line = lines.get(i);
                String at = "lines[" + i + "]";
                if (line.lineNo() <= 0) {
                    add(at + ".lineNo", "must be positive");
                } else {
                    Integer first = firstIndexOfLineNo.putIfAbsent(line.lineNo(), i);
                    if (first != null) {
                        add(at + ".lineNo", "duplicates line number " + line.lineNo()
                                + " of lines[" + first + "]");
                    }
                }
                if (line.gtin() == null) {
                    add(at + ".gtin", "is required");
                }
                boolean quantityUsable = quantity(at, line);
                if (line.unitPrice() < 0) {
                    add(at + ".unitPrice", "must not be negative");
                }
                boolean priceUsable = inRange(at + ".unitPrice", line.unitPrice());
                boolean discountUsable = inRange(at + ".discount", line.discount());
                if (line.discount() < 0) {
                    add(at + ".discount", "must not be negative");
                }
                if (quantityUsable && priceUsable && discountUsable) {
                    grossAndDiscount(at, line);
                }
                if (line.voidsLine() != null) {
                    voiding(at, i, line, firstIndexOfLineNo, voidedSoFar);
                }
            }
        }

        /** @return whether the quantity is safe to compute with */
        private boolean quantity(String at, SaleLine line) {
            BigDecimal quantity = line.quantity();
            String path = at + ".quantity";
            if (quantity == null) {
                add(path, "is required");
                computable = false;
                return false;
            }
            if (quantity.abs().compareTo(MAX_QUANTITY) > 0) {
                add(path, "must be at most " + MAX_QUANTITY.toPlainString() + " in magnitude");
                computable = false;
                return false;
            }
            // A negative line without voidsLine is a return: goods coming back, money going out.
            if (quantity.signum() == 0) {
                add(path, "must not be zero");
            } else if (line.voidsLine() != null && quantity.signum() > 0) {
                add(path, "must be negative on a line that voids another");
            }
            if (quantity.stripTrailingZeros().scale() > MAX_QUANTITY_DECIMALS) {
                add(path, "must have at most " + MAX_QUANTITY_DECIMALS + " decimal places");
            }
            return true;
        }

        private void grossAndDiscount(String at, SaleLine line) {
            long gross;
            try {
                gross = line.grossAmount();
            } catch (ArithmeticException e) {
                gross = Long.MAX_VALUE;
            }
            if (gross > MAX_AMOUNT || gross < -MAX_AMOUNT) {
                add(at, "quantity times unit price exceeds the limit of " + MAX_AMOUNT + " minor units");
                computable = false;
                return;
            }
            if (line.discount() > Math.abs(gross)) {
                add(at + ".discount", "is more than the line's gross amount of " + money(Math.abs(gross)));
            }
        }

        private void voiding(String at, int index, SaleLine line, Map<Integer, Integer> firstIndexOfLineNo,
                Map<Integer, BigDecimal> voidedSoFar) {
            int target = line.voidsLine();
            Integer targetIndex = firstIndexOfLineNo.get(target);
            if (targetIndex == null || targetIndex >= index) {
                add(at + ".voidsLine", "refers to line " + target + ", which is not an earlier line");
                return;
            }
            SaleLine voided = sale.lines().get(targetIndex);
            if (voided.voidsLine() != null) {
                add(at + ".voidsLine", "refers to line " + target + ", which is itself a void");
                return;
            }
            if (line.gtin() != null && voided.gtin() != null && !line.gtin().equals(voided.gtin())) {
                add(at + ".gtin", "is " + line.gtin().value() + " but voided line " + target
                        + " has " + voided.gtin().value());
            }
            BigDecimal cancelled = line.quantity() == null ? null : line.quantity().negate();
            if (cancelled == null || voided.quantity() == null || cancelled.signum() <= 0) {
                return;
            }
            BigDecimal before = voidedSoFar.getOrDefault(target, BigDecimal.ZERO);
            BigDecimal after = before.add(cancelled);
            voidedSoFar.put(target, after);
            if (after.compareTo(voided.quantity()) > 0) {
                BigDecimal left = voided.quantity().subtract(before).max(BigDecimal.ZERO);
                add(at + ".quantity", "cancels " + cancelled.toPlainString() + " but line " + target
                        + " has only " + left.toPlainString() + " left to void");
            }
        }

        void adjustments() {
            List<Adjustment> adjustments = sale.adjustments();
            for (int i = 0; i < adjustments.size(); i++) {
                Adjustment adjustment = adjustments.get(i);
                String at = "adjustments[" + i + "]";
                if (adjustment.type() == null) {
                    add(at + ".type", "is required");
                }
                inRange(at + ".amount", adjustment.amount());
            }
        }

        void tenders() {
            List<Tender> tenders = sale.tenders();
            if (tenders.isEmpty()) {
                add("tenders", "at least one tender is required");
                return;
            }
            for (int i = 0; i < tenders.size(); i++) {
                Tender tender = tenders.get(i);
                String at = "tenders[" + i + "]";
                if (tender.type() == null) {
                    add(at + ".type", "is required");
                }
                // negative: money paid back to the customer on a return
                if (tender.amount() == 0) {
                    add(at + ".amount", "must not be zero");
                }
                inRange(at + ".amount", tender.amount());
            }
        }

        void change() {
            long change = sale.change();
            if (change < 0) {
                add("change", "must not be negative");
            } else if (change > 0 && sale.tenders().stream().noneMatch(t -> t.type() == TenderType.CASH)) {
                add("change", "can only be given against a cash tender");
            }
            inRange("change", change);
        }

        void nonNegativeAmount(String path, long amount) {
            if (amount < 0) {
                add(path, "must not be negative");
            }
            inRange(path, amount);
        }

        void balance() {
            Long stated = sale.statedTotal();
            if (stated != null) {
                inRange("total", stated);
            }
            if (!computable) {
                return;
            }
            long total;
            long tendered;
            try {
                total = sale.total();
                tendered = sale.tendered();
            } catch (ArithmeticException e) {
                add("total", "the amounts add up to more than a long can hold");
                return;
            }
            if (total != tendered) {
                add("tenders", "tenders less change are " + money(tendered)
                        + " but lines less discounts plus tax and adjustments are " + money(total));
            }
            if (stated != null && stated != tendered) {
                add("total", "stated total is " + money(stated) + " but tenders less change are "
                        + money(tendered));
            }
        }

        /** Records a violation and marks the sale uncomputable if the amount is out of range. */
        private boolean inRange(String path, long amount) {
            if (amount > MAX_AMOUNT || amount < -MAX_AMOUNT) {
                add(path, "must be at most " + MAX_AMOUNT + " minor units in magnitude");
                computable = false;
                return false;
            }
            return true;
        }

        private String money(long minor) {
            return validCurrency == null ? minor + " minor units" : new Money(minor, validCurrency).format();
        }
    }
}
