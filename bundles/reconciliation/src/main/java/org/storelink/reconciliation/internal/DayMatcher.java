package org.storelink.reconciliation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.storelink.model.Money;
import org.storelink.model.Payment;
import org.storelink.model.PaymentProvider;
import org.storelink.model.Settlement;
import org.storelink.model.TenderType;
import org.storelink.reconciliation.ReconciliationResult;
import org.storelink.reconciliation.ResultState;
import org.storelink.reconciliation.internal.SaleTenders.NonCashTender;

/**
 * The matching of one store's business day, as a pure function of its inputs.
 *
 * <p>Tenders to payments: a tender's reference is looked up among the payments' merchant order numbers and provider
 * trade numbers first; every tender naming a payment is compared, together with the other tenders naming it (a
 * return's negative tender), with the payment's net. A tender without a usable reference takes the closest unused
 * payment of the same amount, currency and a compatible provider within the time window. Each payment answers one
 * tender, except that several tenders may name the same payment by reference.
 *
 * <p>Payments to bank entries: an entry detail whose end-to-end id or remittance text contains a payment's trade
 * or order number settles it; a credit left unexplained that equals the net total of one provider's payments on one
 * earlier day settles that whole day (a daily payout), the latest such day first.
 *
 * <p>The inputs may reach beyond the day (neighbouring days' sales, a horizon of payments and entries) so that a
 * sale at 23:58 can claim a payment at 00:01; only the lines belonging to the day are returned.
 */
final class DayMatcher {
    /** Shorter trade or order numbers are too likely to occur by chance inside a bank's remittance text. */
    static final int MIN_SETTLEMENT_REFERENCE = 4;

    /**
     * @param window the most a window match may be apart from its sale
     * @param lagDays how old a payment may be before missing settlement is a finding
     */
    record Settings(Duration window, int lagDays) {
        Settings {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || lagDays < 0) {
                throw new IllegalArgumentException("window and lag must not be negative");
            }
        }
    }

    /**
     * @param zone the store's zone: a payment's business day is its calendar date there
     * @param sales the day's sales and any others that may claim the day's payments
     * @param payments the latest state of every payment that may match, of the day and around it
     * @param settlements the store's bank entries around the day
     * @param storeHasSettlements whether the store ever sent a bank entry: without statements, nothing is unsettled
     */
    record Input(String storeId, LocalDate day, ZoneId zone, List<SaleTenders> sales, List<Payment> payments,
            List<Settlement> settlements, boolean storeHasSettlements, Instant now) {
        Input {
            sales = List.copyOf(sales);
            payments = List.copyOf(payments);
            settlements = List.copyOf(settlements);
        }
    }

    private record TenderKey(SaleTenders sale, NonCashTender tender) {
        String subject() {
            return "tender:" + sale.saleId() + "#" + tender.seq();
        }
    }

    private record Claim(Payment payment, boolean byReference) {
    }

    private record SettledBy(Settlement settlement, Long amount, String detail) {
    }

    private record Batch(PaymentProvider provider, LocalDate day, String currency) {
    }

    private final Input in;
    private final Settings settings;
    private final List<ReconciliationResult> results = new ArrayList<>();
    private final Map<TenderKey, Claim> claims = new LinkedHashMap<>();
    private final Map<String, List<TenderKey>> claimants = new HashMap<>();
    private final Map<String, SettledBy> settledBy = new HashMap<>();
    private final Set<String> explained = new HashSet<>();

    private DayMatcher(Input in, Settings settings) {
        this.in = in;
        this.settings = settings;
    }

    /** The day's lines: tenders first, then unclaimed payments, then payouts and unexplained bank credits. */
    static List<ReconciliationResult> reconcile(Input in, Settings settings) {
        DayMatcher matcher = new DayMatcher(in, settings);
        matcher.matchTenders();
        matcher.matchSettlements();
        matcher.tenderLines();
        matcher.unclaimedPaymentLines();
        matcher.payoutLines();
        matcher.unexplainedCreditLines();
        return List.copyOf(matcher.results);
    }

    static String discrepancyId(String storeId, LocalDate day, ResultState state, String subject) {
        return storeId + ":" + day + ":" + state.label() + ":" + subject;
    }

    // ---- tenders to payments

    private List<Payment> paymentsInOrder() {
        return in.payments().stream()
                .sorted(Comparator.comparing((Payment p) -> p.occurredAt().toInstant()).thenComparing(Payment::paymentId))
                .toList();
    }

    private List<TenderKey> tendersInOrder() {
        List<TenderKey> tenders = new ArrayList<>();
        in.sales().stream()
                .sorted(Comparator.comparing((SaleTenders s) -> s.occurredAt().toInstant())
                        .thenComparing(SaleTenders::saleId))
                .forEach(sale -> sale.tenders().stream()
                        .filter(tender -> tender.amount() != 0)
                        .forEach(tender -> tenders.add(new TenderKey(sale, tender))));
        return tenders;
    }

    private void matchTenders() {
        Map<String, List<Payment>> byReference = new HashMap<>();
        for (Payment payment : paymentsInOrder()) {
            for (String reference : references(payment)) {
                byReference.computeIfAbsent(reference, r -> new ArrayList<>()).add(payment);
            }
        }
        List<TenderKey> tenders = tendersInOrder();
        for (TenderKey key : tenders) {
            String reference = key.tender().reference();
            if (reference == null) {
                continue;
            }
            // a trade number reused across providers is unlikely; a collected payment beats a closed attempt
            byReference.getOrDefault(reference, List.of()).stream()
                    .min(Comparator.comparing((Payment p) -> !p.status().collected()))
                    .ifPresent(payment -> claim(key, payment, true));
        }
        for (TenderKey key : tenders) {
            if (claims.containsKey(key) || key.tender().amount() < 0) {
                continue;
            }
            Instant saleAt = key.sale().occurredAt().toInstant();
            paymentsInOrder().stream()
                    .filter(p -> !claimants.containsKey(p.paymentId()))
                    .filter(p -> p.status().collected() && p.net() == key.tender().amount())
                    .filter(p -> p.currency().equals(key.sale().currency()))
                    .filter(p -> compatible(key.tender().type(), p.provider()))
                    .filter(p -> apart(saleAt, p).compareTo(settings.window()) <= 0)
                    .min(Comparator.comparing((Payment p) -> apart(saleAt, p)))
                    .ifPresent(payment -> claim(key, payment, false));
        }
    }

    private void claim(TenderKey key, Payment payment, boolean byReference) {
        claims.put(key, new Claim(payment, byReference));
        claimants.computeIfAbsent(payment.paymentId(), id -> new ArrayList<>()).add(key);
    }

    private static Duration apart(Instant saleAt, Payment payment) {
        return Duration.between(saleAt, payment.occurredAt().toInstant()).abs();
    }

    /** Which provider can have taken a tender of this type; {@code other} is whatever the till could not name. */
    static boolean compatible(TenderType type, PaymentProvider provider) {
        return switch (type) {
            case ALIPAY -> provider == PaymentProvider.ALIPAY;
            case WECHAT -> provider == PaymentProvider.WECHAT;
            case CARD -> provider == PaymentProvider.CARD;
            case OTHER -> true;
            case CASH -> false;
        };
    }

    private void tenderLines() {
        for (TenderKey key : tendersInOrder()) {
            if (!key.sale().businessDay().equals(in.day())) {
                continue;
            }
            NonCashTender tender = key.tender();
            String currency = key.sale().currency();
            Claim claim = claims.get(key);
            if (claim == null) {
                String wanted = tender.reference() == null ? "no reference" : "reference " + tender.reference();
                add(ResultState.SALE_WITHOUT_PAYMENT, key.subject(), key.sale().saleId(), tender.reference(), null,
                        null, tender.amount(), null, currency, "no " + tender.type().label() + " payment: " + wanted
                                + ", none of " + money(tender.amount(), currency) + " within "
                                + settings.window().toMinutes() + " min");
                continue;
            }
            Payment payment = claim.payment();
            if (!claim.byReference()) {
                long minutes = apart(key.sale().occurredAt().toInstant(), payment).toMinutes();
                add(ResultState.MATCHED, key.subject(), key.sale().saleId(), tender.reference(),
                        payment.paymentId(), null, tender.amount(), payment.net(), currency,
                        "by amount and time, " + minutes + " min apart");
                continue;
            }
            List<TenderKey> naming = claimants.get(payment.paymentId());
            long expected = naming.stream().mapToLong(k -> k.tender().amount()).sum();
            boolean sameCurrency = payment.currency().equals(currency);
            if (sameCurrency && expected == payment.net()) {
                add(ResultState.MATCHED, key.subject(), key.sale().saleId(), tender.reference(),
                        payment.paymentId(), null, expected, payment.net(), currency,
                        naming.size() == 1 ? "by reference" : "by reference, with " + (naming.size() - 1)
                                + " other tender(s) naming the payment");
                continue;
            }
            List<String> why = new ArrayList<>();
            if (!sameCurrency) {
                why.add("payment in " + payment.currency() + ", sale in " + currency);
            }
            if (!payment.status().collected()) {
                why.add("payment closed");
            } else if (payment.refunded() > 0) {
                why.add("refunded " + money(payment.refunded(), payment.currency()) + " of "
                        + money(payment.amount(), payment.currency()));
            }
            if (naming.size() > 1) {
                why.add(naming.size() + " tenders name this payment");
            }
            if (why.isEmpty()) {
                why.add("payment of " + money(payment.amount(), payment.currency()));
            }
            add(ResultState.AMOUNT_MISMATCH, key.subject(), key.sale().saleId(), tender.reference(),
                    payment.paymentId(), null, expected, payment.net(), currency, String.join("; ", why));
        }
    }

    private void unclaimedPaymentLines() {
        for (Payment payment : paymentsInOrder()) {
            if (!onDay(payment) || claimants.containsKey(payment.paymentId()) || payment.net() <= 0) {
                continue;
            }
            add(ResultState.PAYMENT_WITHOUT_SALE, "payment:" + payment.paymentId(), null, payment.merchantOrderNo(),
                    payment.paymentId(), null, null, payment.net(), payment.currency(),
                    payment.provider().label() + " " + payment.status().label() + " at " + payment.occurredAt()
                            + ", no sale names or fits it");
        }
    }

    private boolean onDay(Payment payment) {
        return BusinessDays.of(payment.occurredAt(), in.zone()).equals(in.day());
    }

    // ---- payments to bank entries

    private List<Settlement> creditsInOrder() {
        return in.settlements().stream()
                .filter(s -> s.amount() > 0)
                .sorted(Comparator.comparing(Settlement::bookingDate).thenComparing(Settlement::settlementId))
                .toList();
    }

    private void matchSettlements() {
        List<Payment> payable = paymentsInOrder().stream().filter(p -> p.net() > 0).toList();
        for (Settlement settlement : creditsInOrder()) {
            for (Settlement.Detail detail : settlement.details()) {
                for (Payment payment : payable) {
                    if (settledBy.containsKey(payment.paymentId())) {
                        continue;
                    }
                    findReference(detail, payment).ifPresent(found -> {
                        settledBy.put(payment.paymentId(), new SettledBy(settlement, detail.amount(), found));
                        explained.add(settlement.settlementId());
                    });
                }
            }
        }
        for (Settlement settlement : creditsInOrder()) {
            if (explained.contains(settlement.settlementId())) {
                continue;
            }
            Map<Batch, List<Payment>> batches = new LinkedHashMap<>();
            for (Payment payment : payable) {
                LocalDate day = BusinessDays.of(payment.occurredAt(), in.zone());
                if (!settledBy.containsKey(payment.paymentId()) && day.isBefore(settlement.bookingDate())
                        && payment.currency().equals(settlement.currency())) {
                    batches.computeIfAbsent(new Batch(payment.provider(), day, payment.currency()),
                            b -> new ArrayList<>()).add(payment);
                }
            }
            batches.entrySet().stream()
                    .filter(batch -> batch.getValue().stream().mapToLong(Payment::net).sum() == settlement.amount())
                    .max(Comparator.comparing((Map.Entry<Batch, List<Payment>> batch) -> batch.getKey().day())
                            .thenComparing(batch -> batch.getKey().provider(), Comparator.reverseOrder()))
                    .ifPresent(batch -> {
                        String detail = "in the " + batch.getKey().provider().label() + " payout of "
                                + batch.getKey().day() + ": " + batch.getValue().size() + " payment(s), "
                                + money(settlement.amount(), settlement.currency());
                        batch.getValue().forEach(payment -> settledBy.put(payment.paymentId(),
                                new SettledBy(settlement, null, detail)));
                        explained.add(settlement.settlementId());
                    });
        }
    }

    private static Optional<String> findReference(Settlement.Detail detail, Payment payment) {
        for (String reference : references(payment)) {
            if (reference.length() < MIN_SETTLEMENT_REFERENCE) {
                continue;
            }
            if (detail.endToEndId() != null && detail.endToEndId().contains(reference)) {
                return Optional.of("by reference " + reference + " in the end-to-end id");
            }
            if (detail.remittance() != null && detail.remittance().contains(reference)) {
                return Optional.of("by reference " + reference + " in the remittance");
            }
        }
        return Optional.empty();
    }

    private void payoutLines() {
        for (Payment payment : paymentsInOrder()) {
            if (!onDay(payment) || payment.net() <= 0) {
                continue;
            }
            String saleId = Optional.ofNullable(claimants.get(payment.paymentId()))
                    .map(keys -> keys.get(0).sale().saleId()).orElse(null);
            String subject = "payout:" + payment.paymentId();
            SettledBy settled = settledBy.get(payment.paymentId());
            if (settled != null) {
                add(ResultState.SETTLED, subject, saleId, payment.merchantOrderNo(), payment.paymentId(),
                        settled.settlement().settlementId(), payment.net(), settled.amount(), payment.currency(),
                        settled.detail() + ", booked " + settled.settlement().bookingDate());
            } else if (in.storeHasSettlements() && payment.occurredAt().toInstant()
                    .plus(Duration.ofDays(settings.lagDays())).isBefore(in.now())) {
                add(ResultState.PAYMENT_NOT_SETTLED, subject, saleId, payment.merchantOrderNo(), payment.paymentId(),
                        null, payment.net(), null, payment.currency(), "no bank entry " + settings.lagDays()
                                + " day(s) after the payment");
            }
        }
    }

    private void unexplainedCreditLines() {
        for (Settlement settlement : creditsInOrder()) {
            if (!settlement.bookingDate().equals(in.day()) || explained.contains(settlement.settlementId())) {
                continue;
            }
            Settlement.Detail first = settlement.details().isEmpty() ? null : settlement.details().get(0);
            String reference = settlement.bankReference() != null ? settlement.bankReference()
                    : first == null ? null : first.endToEndId();
            List<String> what = new ArrayList<>();
            if (first != null && first.counterparty() != null) {
                what.add("from " + first.counterparty());
            }
            if (first != null && first.remittance() != null) {
                what.add("\"" + first.remittance() + "\"");
            }
            what.add("matches no payment reference nor any day's payout total");
            add(ResultState.SETTLEMENT_WITHOUT_PAYMENT, "settlement:" + settlement.settlementId(), null, reference,
                    null, settlement.settlementId(), null, settlement.amount(), settlement.currency(),
                    String.join(" ", what));
        }
    }

    // ---- helpers

    private void add(ResultState state, String subject, String saleId, String reference, String paymentId,
            String settlementId, Long expected, Long actual, String currency, String detail) {
        String id = state.discrepancy() ? discrepancyId(in.storeId(), in.day(), state, subject) : null;
        results.add(new ReconciliationResult(state, subject, saleId, reference, paymentId, settlementId, expected,
                actual, currency, detail, id));
    }

    private static String money(long minor, String currency) {
        return new Money(minor, currency).format();
    }

    /** The payment's trade and order numbers that are given, each once. */
    private static Set<String> references(Payment payment) {
        Set<String> references = new java.util.LinkedHashSet<>();
        for (String text : new String[] {payment.providerTradeNo(), payment.merchantOrderNo()}) {
            if (text != null && !text.isBlank()) {
                references.add(text.strip());
            }
        }
        return references;
    }
}
