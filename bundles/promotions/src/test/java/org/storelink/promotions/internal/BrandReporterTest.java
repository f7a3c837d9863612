package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.promotions.internal.Fixtures.catalog;
import static org.storelink.promotions.internal.Fixtures.line;
import static org.storelink.promotions.internal.Fixtures.parse;
import static org.storelink.promotions.internal.Fixtures.sale;
import static org.storelink.promotions.internal.Fixtures.teaPromotion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.json.Json;

class BrandReporterTest {
    private record Sent(String brand, String duplicateId, JsonNode report) {
    }

    private final MutableClock clock = new MutableClock("2026-12-01T00:00:00+08:00");
    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> registeredBrands = new java.util.HashSet<>(Set.of(Fixtures.BRAND));
    private DataSource database;
    private JdbcPromotions db;
    private BrandReporter reporter;

    @BeforeEach
    void setUp() throws Exception {
        database = Fixtures.h2();
        PromotionsSchema.migrate(database, getClass().getClassLoader());
        Fixtures.Stores stores = new Fixtures.Stores().add("sh-001", "east", AreaProfile.STUDENT);
        db = new JdbcPromotions(database, stores::store, clock);
        PromotionService service = new PromotionService(db, stores, clock);
        reporter = new BrandReporter(db, service, (brand, id, json) -> sent.add(new Sent(brand, id,
                read(json))), registeredBrands::contains, Duration.ofMinutes(60), clock);
        ObjectNode january = teaPromotion("JAN");
        january.putObject("validity").put("from", "2027-01-01T00:00:00+08:00").put("to", "2027-02-01T00:00:00+08:00");
        ObjectNode ending = teaPromotion("ENDS");
        ending.putObject("validity").put("from", "2026-12-01T00:00:00+08:00").put("to", "2026-12-05T10:30:00Z");
        db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"), january, ending)));
    }

    @AfterEach
    void shutdown() throws Exception {
        Fixtures.shutdownH2(database);
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachPromotionInValidityIsReportedOncePerPeriod() throws Exception {
        db.recordSale(sale("sh-001", "1", "2026-12-02T09:00:00+08:00", line(1, Fixtures.TEA, "2", 350, 105, "A")));
        clock.set("2026-12-05T10:20:00Z");

        assertThat(reporter.runDue()).isEqualTo(2);
        assertThat(reporter.runDue()).isZero(); // a re-run in the same period sends nothing

        assertThat(sent).extracting(Sent::duplicateId).containsExactly(
                "promotion-report:A:2026-12-05T09:00:00Z", "promotion-report:ENDS:2026-12-05T09:00:00Z");
        JsonNode report = sent.get(0).report();
        assertThat(sent.get(0).brand()).isEqualTo(Fixtures.BRAND);
        assertThat(report.get("type").asText()).isEqualTo("promotion-report");
        assertThat(report.get("reportId").asText()).isEqualTo("promotion-report:A:2026-12-05T09:00:00Z");
        assertThat(report.get("period").toString())
                .isEqualTo("{\"from\":\"2026-12-05T09:00:00Z\",\"to\":\"2026-12-05T10:00:00Z\"}");
        assertThat(report.get("redemptions").asLong()).isEqualTo(1);
        assertThat(report.get("units").decimalValue()).isEqualByComparingTo("2");
        assertThat(report.get("revenue").asLong()).isEqualTo(595);
        assertThat(report.get("discount").asLong()).isEqualTo(105);
        assertThat(report.get("budgetLeft").asLong()).isEqualTo(100_000 - 105);
        assertThat(report.get("storesParticipating").asInt()).isEqualTo(1);
        assertThat(report.get("uplift").get("method").asText()).isEqualTo("before-after");

        // next period: ENDS ended at 10:30, inside it, so it gets its last report; then only A
        clock.set("2026-12-05T11:00:00Z");
        assertThat(reporter.runDue()).isEqualTo(2);
        clock.set("2026-12-05T12:00:00Z");
        assertThat(reporter.runDue()).isEqualTo(1);
        assertThat(sent).extracting(Sent::duplicateId).endsWith("promotion-report:A:2026-12-05T11:00:00Z");
    }

    @Test
    void aBrandThatIsNoLongerAPartnerGetsNothing() throws Exception {
        registeredBrands.clear();
        clock.set("2026-12-05T10:20:00Z");
        assertThat(reporter.runDue()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedSendIsNotRememberedSoARunInTheSamePeriodTriesAgain() throws Exception {
        List<String> attempts = new ArrayList<>();
        BrandReporter failing = new BrandReporter(db, new PromotionService(db, new Fixtures.Stores(), clock),
                (brand, id, json) -> {
                    attempts.add(id);
                    throw new IllegalStateException("broker down");
                }, registeredBrands::contains, Duration.ofMinutes(60), clock);
        clock.set("2026-12-05T10:20:00Z");
        assertThat(failing.runDue()).isZero();
        assertThat(reporter.runDue()).isEqualTo(2);
        assertThat(attempts).hasSize(2);
        assertThat(sent).extracting(Sent::duplicateId).isEqualTo(attempts);
    }

    @Test
    void periodsAreAlignedToTheEpoch() {
        BrandReporter quarterHours = new BrandReporter(db, null, null, b -> true, Duration.ofMinutes(15), clock);
        assertThat(quarterHours.lastPeriodStart(java.time.Instant.parse("2026-12-05T10:20:00Z")))
                .isEqualTo(java.time.Instant.parse("2026-12-05T10:00:00Z"));
    }
}
