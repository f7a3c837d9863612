package org.storelink.promotions.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.json.Json;
import org.storelink.promotions.PromotionReport;

/**
 * Sends each brand a {@code promotion-report} per promotion and period. Periods are aligned to the epoch
 * ({@code report.minutes} 60: whole UTC hours); a run reports the last complete period, for every promotion in its
 * validity at some time of it (so one last report follows its end). The figures are cumulative, as of the run.
 *
 * <p>The duplicate id is {@code promotion-report:<promotionId>:<periodStart>}: a second run in the same period
 * (a restart, a second node) sends nothing the broker keeps, and the module also remembers what it sent.
 */
public final class BrandReporter {
    private static final Logger LOG = LoggerFactory.getLogger(BrandReporter.class);

    /** Sends one report to a brand's {@code partner.<id>.out}. */
    @FunctionalInterface
    public interface Publisher {
        void publish(String brand, String duplicateId, String json);
    }

    private final JdbcPromotions db;
    private final PromotionService service;
    private final Publisher publisher;
    private final Predicate<String> brandRegistered;
    private final Duration period;
    private final Clock clock;

    public BrandReporter(JdbcPromotions db, PromotionService service, Publisher publisher,
                         Predicate<String> brandRegistered, Duration period, Clock clock) {
        this.db = db;
        this.service = service;
        this.publisher = publisher;
        this.brandRegistered = brandRegistered;
        this.period = period;
        this.clock = clock;
    }

    static String duplicateId(String promotionId, Instant periodStart) {
        return "promotion-report:" + promotionId + ":" + periodStart;
    }

    /** The start of the last complete period at {@code now}. */
    Instant lastPeriodStart(Instant now) {
        long seconds = period.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds).minus(period);
    }

    /** Reports the last complete period; returns how many reports were sent now. */
    public int runDue() throws SQLException {
        Instant from = lastPeriodStart(clock.instant());
        Instant to = from.plus(period);
        int sent = 0;
        for (PromotionRow promotion : service.promotionsDuring(from, to)) {
            if (!brandRegistered.test(promotion.brand())) {
                LOG.debug("Promotion {}: brand {} is not a registered brand partner; no report sent",
                        promotion.promotionId(), promotion.brand());
                continue;
            }
            if (db.reportSent(promotion.promotionId(), from)) {
                continue;
            }
            String duplicateId = duplicateId(promotion.promotionId(), from);
            try {
                PromotionReport report = service.report(promotion);
                String json = new String(Json.write(ReportJson.brandReport(report, duplicateId, from, to)),
                        StandardCharsets.UTF_8);
                publisher.publish(promotion.brand(), duplicateId, json);
            } catch (RuntimeException | SQLException e) {
                // the next period's report carries the same cumulative figures
                LOG.warn("Report {} to brand {} not sent: {}", duplicateId, promotion.brand(), e.getMessage());
                continue;
            }
            db.markReportSent(promotion.promotionId(), from, duplicateId);
            sent++;
        }
        return sent;
    }
}
