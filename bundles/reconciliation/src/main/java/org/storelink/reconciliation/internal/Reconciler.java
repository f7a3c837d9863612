package org.storelink.reconciliation.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Discrepancy;
import org.storelink.model.Payment;
import org.storelink.reconciliation.Reconciliation;
import org.storelink.reconciliation.ReconciliationReport;
import org.storelink.reconciliation.ReconciliationResult;

/**
 * Runs a day: loads what the matcher needs, stores its results, publishes the new discrepancies. Also picks the
 * days the schedule should run.
 */
public final class Reconciler implements Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /**
     * @param window how far apart a sale and a payment matched by amount may be
     * @param lagDays how long a payment may wait for its bank entry
     * @param horizonDays how many days around the day payments and bank entries are read: a payout is booked within
     *     this many days of its payments
     * @param closeGrace how long after a business day's end the schedule waits for late notifications
     * @param lookbackDays how many closed days back the schedule runs again
     */
    public record Settings(Duration window, int lagDays, int horizonDays, Duration closeGrace, int lookbackDays) {
        DayMatcher.Settings matcher() {
            return new DayMatcher.Settings(window, lagDays);
        }
    }

    private final JdbcReconciliationStore store;
    private final Function<String, Optional<ZoneId>> storeZones;
    private final DiscrepancyPublisher publisher;
    private final Settings settings;
    private final Clock clock;
    /** Runs of one node do not overlap; runs on other nodes retry their write when they collide. */
    private final ReentrantLock running = new ReentrantLock();

    Reconciler(JdbcReconciliationStore store, Function<String, Optional<ZoneId>> storeZones,
            DiscrepancyPublisher publisher, Settings settings, Clock clock) {
        this.store = store;
        this.storeZones = storeZones;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ReconciliationReport reconcile(String storeId, LocalDate day) {
        ZoneId zone = zoneOf(storeId);
        running.lock();
        try {
            Instant now = clock.instant();
            List<ReconciliationResult> results = DayMatcher.reconcile(input(storeId, day, zone, now),
                    settings.matcher());
            store.saveResults(storeId, day, results, now);
            publishPending(storeId, day);
        } catch (SQLException e) {
            throw new IllegalStateException("reconciliation of " + storeId + " on " + day + " failed: "
                    + e.getMessage(), e);
        } finally {
            running.unlock();
        }
        return store.report(storeId, day).orElseThrow();
    }

    @Override
    public Optional<ReconciliationReport> report(String storeId, LocalDate day) {
        zoneOf(storeId);
        return store.report(storeId, day);
    }

    private ZoneId zoneOf(String storeId) {
        if (storeId == null || storeId.isBlank()) {
            throw new IllegalArgumentException("a store id is required");
        }
        return storeZones.apply(storeId).orElseThrow(() -> new IllegalArgumentException(
                "unknown store \"" + storeId + "\""));
    }

    /**
     * The day's sales, with the neighbouring days' so that sales and payments either side of midnight meet; the
     * payments and bank entries of the horizon around it; and whatever sale or payment names one of those by
     * reference, whatever its day.
     */
    DayMatcher.Input input(String storeId, LocalDate day, ZoneId zone, Instant now) {
        Map<String, SaleTenders> sales = new LinkedHashMap<>();
        store.sales(storeId, day.minusDays(1), day.plusDays(1)).forEach(sale -> sales.put(sale.saleId(), sale));
        Map<String, Payment> payments = new LinkedHashMap<>();
        store.payments(storeId, day.minusDays(settings.horizonDays()), day.plusDays(settings.horizonDays()))
                .forEach(payment -> payments.put(payment.paymentId(), payment));

        Set<String> tenderReferences = new LinkedHashSet<>();
        sales.values().forEach(sale -> sale.tenders().forEach(tender -> {
            if (tender.reference() != null) {
                tenderReferences.add(tender.reference());
            }
        }));
        store.paymentsNamed(storeId, tenderReferences).forEach(payment -> payments.put(payment.paymentId(), payment));

        Set<String> paymentReferences = new LinkedHashSet<>();
        for (Payment payment : payments.values()) {
            LocalDate paid = BusinessDays.of(payment.occurredAt(), zone);
            if (!paid.isBefore(day.minusDays(1)) && !paid.isAfter(day.plusDays(1))) {
                addIfPresent(paymentReferences, payment.merchantOrderNo());
                addIfPresent(paymentReferences, payment.providerTradeNo());
            }
        }
        store.salesNaming(storeId, paymentReferences).forEach(sale -> sales.putIfAbsent(sale.saleId(), sale));

        return new DayMatcher.Input(storeId, day, zone, new ArrayList<>(sales.values()),
                new ArrayList<>(payments.values()),
                store.settlements(storeId, day.minusDays(settings.horizonDays()),
                        day.plusDays(settings.horizonDays())),
                store.hasSettlements(storeId), now);
    }

    private static void addIfPresent(Set<String> references, String reference) {
        if (reference != null && !reference.isBlank()) {
            references.add(reference);
        }
    }

    /**
     * Sends the day's discrepancies that were never sent. One that fails stays unsent for the next run; the broker's
     * duplicate detection drops it should the send have reached the broker after all.
     */
    private void publishPending(String storeId, LocalDate day) {
        for (Discrepancy discrepancy : store.unpublished(storeId, day)) {
            try {
                publisher.publish(discrepancy);
                store.markPublished(discrepancy.discrepancyId(), clock.instant());
            } catch (Exception e) {
                LOG.warn("Could not publish discrepancy {}, the next run of {} {} sends it: {}",
                        discrepancy.discrepancyId(), storeId, day, e.getMessage());
                return;
            }
        }
    }

    /**
     * Reconciles each store day with activity that closed (its end in the store's zone plus the grace) within the
     * last {@code lookbackDays}. A day runs again at every tick while in that range, since late payments and bank
     * entries change its results; a run writes and publishes only what changed.
     *
     * @return how many store days ran
     */
    public int reconcileRecentlyClosed() {
        Instant now = clock.instant();
        int runs = 0;
        LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(settings.lookbackDays() + 1L);
        for (JdbcReconciliationStore.StoreDay storeDay : store.activeDays(earliest)) {
            Optional<ZoneId> zone = storeZones.apply(storeDay.storeId());
            if (zone.isEmpty()) {
                continue;
            }
            LocalDate today = LocalDate.ofInstant(now, zone.get());
            Instant closed = storeDay.day().plusDays(1).atStartOfDay(zone.get()).toInstant()
                    .plus(settings.closeGrace());
            if (storeDay.day().isBefore(today.minusDays(settings.lookbackDays())) || closed.isAfter(now)) {
                continue;
            }
            try {
                reconcile(storeDay.storeId(), storeDay.day());
                runs++;
            } catch (RuntimeException e) {
                LOG.warn("Scheduled reconciliation of {} {} failed: {}", storeDay.storeId(), storeDay.day(),
                        e.getMessage());
            }
        }
        return runs;
    }
}
