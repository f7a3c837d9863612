package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.promotions.internal.Fixtures.COLA;
import static org.storelink.promotions.internal.Fixtures.TEA;
import static org.storelink.promotions.internal.Fixtures.TEA_14;
import static org.storelink.promotions.internal.Fixtures.catalog;
import static org.storelink.promotions.internal.Fixtures.line;
import static org.storelink.promotions.internal.Fixtures.parse;
import static org.storelink.promotions.internal.Fixtures.rows;
import static org.storelink.promotions.internal.Fixtures.sale;
import static org.storelink.promotions.internal.Fixtures.teaPromotion;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.PromotionReport;

/** The storage, redemptions and report, run on H2 and on PostgreSQL. */
abstract class JdbcPromotionsContract {
    protected DataSource dataSource;
    protected final MutableClock clock = new MutableClock("2026-11-20T10:00:00+08:00");
    protected final Fixtures.Stores stores = new Fixtures.Stores()
            .add("sh-001", "east", AreaProfile.STUDENT)
            .add("sh-002", "east", AreaProfile.STUDENT)
            .add("sh-003", "east", AreaProfile.OFFICE)
            .add("bj-001", "north", AreaProfile.STUDENT);
    protected JdbcPromotions db;
    protected PromotionService service;

    abstract DataSource createDataSource() throws Exception;

    abstract void dropDataSource(DataSource dataSource) throws Exception;

    @BeforeEach
    void migrate() throws Exception {
        dataSource = createDataSource();
        PromotionsSchema.migrate(dataSource, getClass().getClassLoader());
        db = new JdbcPromotions(dataSource, stores::store, clock);
        service = new PromotionService(db, stores, clock);
    }

    @AfterEach
    void drop() throws Exception {
        dropDataSource(dataSource);
    }

    private static ObjectNode inEast(ObjectNode promotion) {
        promotion.putObject("eligibility").putArray("regions").add("east");
        return promotion;
    }

    private static ObjectNode budget(ObjectNode promotion, long fen) {
        promotion.putObject("budget").put("amount", fen).put("currency", "CNY");
        return promotion;
    }

    private static SaleLine tea(int lineNo, String quantity, long discount, String code) {
        return line(lineNo, TEA, quantity, 350, discount, code);
    }

    @Test
    void aCatalogIsStoredOnceAndANewerVersionReplacesIt() throws Exception {
        JdbcPromotions.CatalogOutcome first = db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"),
                teaPromotion("B"))));
        JdbcPromotions.CatalogOutcome again = db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"),
                teaPromotion("B"))));

        assertThat(first.accepted()).isTrue();
        assertThat(first.changed()).isTrue();
        assertThat(again.accepted()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(rows(dataSource, "SELECT promotion_id, catalog_version, withdrawn FROM promotions_promotion"
                + " ORDER BY promotion_id")).containsExactly(List.of("A", 1L, false), List.of("B", 1L, false));

        JdbcPromotions.CatalogOutcome second = db.storeCatalog(parse(catalog("dec", 2, budget(teaPromotion("A"), 500),
                teaPromotion("C"))));

        assertThat(second.withdrawn()).containsExactly("B");
        assertThat(rows(dataSource, "SELECT promotion_id, catalog_version, budget_minor, withdrawn FROM"
                + " promotions_promotion ORDER BY promotion_id")).containsExactly(
                List.of("A", 2L, 500L, false), List.of("B", 2L, 100_000L, true), List.of("C", 2L, 100_000L, false));
        assertThat(rows(dataSource, "SELECT version FROM promotions_catalog")).containsExactly(List.of(2L));
    }

    @Test
    void anOlderVersionOrOtherContentUnderTheSameVersionIsRefused() throws Exception {
        db.storeCatalog(parse(catalog("dec", 2, teaPromotion("A"))));

        assertThat(db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A")))).problems()).containsExactly(
                new Violation("version", "1 is older than version 2 already accepted; send a version above 2"));
        assertThat(db.storeCatalog(parse(catalog("dec", 2, teaPromotion("Z")))).problems()).containsExactly(
                new Violation("version", "2 was already accepted with other content; send the change as version 3"));
        assertThat(rows(dataSource, "SELECT promotion_id FROM promotions_promotion")).containsExactly(List.of("A"));
    }

    @Test
    void aPromotionIdBelongsToOneCatalogOfOneBrand() throws Exception {
        db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"))));

        assertThat(db.storeCatalog(parse(catalog("jan", 1, teaPromotion("J"), teaPromotion("A")))).problems())
                .containsExactly(new Violation("promotions[1].promotionId", "\"A\" is already used by your catalog"
                        + " \"dec\"; promotion ids are promotion codes at the tills and must be unique"));
        Catalog other = parse(catalog("dec", 1, teaPromotion("A")));
        assertThat(db.storeCatalog(new Catalog("dec", 1, "other-brand", other.promotions(), other.contentHash()))
                .problems()).extracting(Violation::message)
                .containsExactly("\"A\" is already used by another brand; promotion ids are promotion codes at the"
                        + " tills and must be unique");
    }

    @Test
    void aSaleRedeemsOnceHoweverOftenItIsDelivered() throws Exception {
        db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"))));
        SaleRecorded sale = sale("sh-001", "0001", "2026-12-02T09:00:00+08:00", tea(1, "2", 105, "A"));

        JdbcPromotions.SaleOutcome first = db.recordSale(sale);
        JdbcPromotions.SaleOutcome again = db.recordSale(sale);

        assertThat(first).isEqualTo(new JdbcPromotions.SaleOutcome(true, 1));
        assertThat(again).isEqualTo(new JdbcPromotions.SaleOutcome(false, 0));
        assertThat(db.totals("A")).isEqualTo(new JdbcPromotions.Totals(1, new java.math.BigDecimal("2"), 595, 105,
                105));
        assertThat(rows(dataSource, "SELECT budget_used_minor FROM promotions_promotion")).containsExactly(
                List.of(105L));
        assertThat(rows(dataSource, "SELECT store_id, business_day, gtin, units, revenue_minor FROM"
                + " promotions_sales_daily")).containsExactly(
                List.of("sh-001", Date.valueOf("2026-12-02"), TEA_14, new java.math.BigDecimal("2"), 595L));
    }

    @Test
    void onlyAnActiveEligiblePromotionOfTheLinesProductCounts() throws Exception {
        db.storeCatalog(parse(catalog("dec", 1, inEast(teaPromotion("A")), teaPromotion("B"))));
        db.storeCatalog(parse(catalog("dec", 2, inEast(teaPromotion("A"))))); // B withdrawn

        List<SaleRecorded> sales = List.of(
                sale("sh-001", "1", "2026-12-02T09:00:00+08:00", line(1, COLA, "1", 300, 45, "A")), // not promoted
                sale("sh-001", "2", "2026-12-02T09:00:00+08:00", tea(1, "1", 53, "NOPE")), // unknown code
                sale("sh-001", "3", "2026-11-30T23:59:59+08:00", tea(1, "1", 53, "A")), // before validity
                sale("sh-001", "4", "2027-01-01T00:00:00+08:00", tea(1, "1", 53, "A")), // validity ends (exclusive)
                sale("bj-001", "5", "2026-12-02T09:00:00+08:00", tea(1, "1", 53, "A")), // not eligible
                sale("sh-001", "6", "2026-12-02T09:00:00+08:00", tea(1, "1", 53, "B")), // withdrawn
                sale("sh-001", "7", "2026-12-02T09:00:00+08:00", tea(1, "1", 0, null))); // no code
        for (SaleRecorded sale : sales) {
            assertThat(db.recordSale(sale).redemptions()).as(sale.sale().receiptNo()).isZero();
        }
        SaleRecorded counted = sale("sh-003", "8", "2026-12-31T23:59:59+08:00", tea(1, "1", 53, "A"));
        assertThat(db.recordSale(counted).redemptions()).isEqualTo(1);
        assertThat(db.participatingStores("A")).containsExactly("sh-003");
        // every tea line is in the rollup (one row per store and day), redeemed or not; cola is in no promotion
        assertThat(rows(dataSource, "SELECT COUNT(*), SUM(units) FROM promotions_sales_daily WHERE gtin = ?", TEA_14))
                .containsExactly(List.of(5L, new java.math.BigDecimal("7")));
        assertThat(rows(dataSource, "SELECT COUNT(*) FROM promotions_sales_daily WHERE gtin <> ?", TEA_14))
                .containsExactly(List.of(0L));
    }

    @Test
    void aVoidingLineGivesTheRedemptionBack() throws Exception {
        db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"))));
        SaleLine sold = tea(1, "2", 105, "A");
        SaleLine voided = new SaleLine(2, sold.gtin(), sold.name(), sold.quantity().negate(), 350, 105, "A", 1);

        assertThat(db.recordSale(sale("sh-001", "1", "2026-12-02T09:00:00+08:00", sold, voided)).redemptions())
                .isEqualTo(2);

        JdbcPromotions.Totals totals = db.totals("A");
        assertThat(totals.redemptions()).isZero();
        assertThat(totals.units()).isEqualByComparingTo("0");
        assertThat(totals.discount()).isZero();
        assertThat(totals.expectedDiscount()).isZero();
        assertThat(db.participatingStores("A")).isEmpty();
    }

    @Test
    void aPromotionWhoseBudgetIsSpentStopsBeingOfferedAndCounted() throws Exception {
        clock.set("2026-12-02T12:00:00+08:00");
        db.storeCatalog(parse(catalog("dec", 1, budget(teaPromotion("A"), 200), teaPromotion("B"))));
        assertThat(service.activeFor("sh-001").orElseThrow()).extracting(ActivePromotion::promotionId)
                .containsExactly("A", "B");

        assertThat(db.recordSale(sale("sh-001", "1", "2026-12-02T09:00:00+08:00", tea(1, "2", 105, "A")))
                .redemptions()).isEqualTo(1);
        assertThat(service.activeFor("sh-001").orElseThrow()).extracting(ActivePromotion::promotionId)
                .containsExactly("A", "B");
        // 105 of 200 used: this one still counts and overshoots the budget
        assertThat(db.recordSale(sale("sh-002", "2", "2026-12-02T10:00:00+08:00", tea(1, "2", 105, "A")))
                .redemptions()).isEqualTo(1);
        assertThat(db.recordSale(sale("sh-001", "3", "2026-12-02T11:00:00+08:00", tea(1, "2", 105, "A")))
                .redemptions()).isZero();

        assertThat(service.activeFor("sh-001").orElseThrow()).extracting(ActivePromotion::promotionId)
                .containsExactly("B");
        PromotionReport report = service.report("A").orElseThrow();
        assertThat(report.status()).isEqualTo("budget-exhausted");
        assertThat(report.discount()).isEqualTo(210);
        assertThat(report.budget()).isEqualTo(200);
        assertThat(report.budgetLeft()).isZero();
        assertThat(report.redemptions()).isEqualTo(2);
        assertThat(report.storesParticipating()).isEqualTo(2);
    }

    @Test
    void aStoreSeesOnlyPromotionsInValidityForWhichItIsEligible() throws Exception {
        ObjectNode january = teaPromotion("JAN");
        january.putObject("validity").put("from", "2027-01-01T00:00:00+08:00").put("to", "2027-02-01T00:00:00+08:00");
        ObjectNode students = teaPromotion("STUDENTS");
        students.putObject("eligibility").putArray("areaProfiles").add("student");
        ObjectNode named = teaPromotion("NAMED");
        named.putObject("eligibility").putArray("stores").add("sh-003");
        db.storeCatalog(parse(catalog("c", 1, inEast(teaPromotion("EAST")), january, students, named)));
        clock.set("2026-12-05T12:00:00+08:00");

        assertThat(ids("sh-001")).containsExactly("EAST", "STUDENTS");
        assertThat(ids("sh-003")).containsExactly("EAST", "NAMED");
        assertThat(ids("bj-001")).containsExactly("STUDENTS");
        assertThat(service.activeFor("nowhere")).isEmpty();
        ActivePromotion east = service.activeFor("sh-001").orElseThrow().get(0);
        assertThat(east.gtins()).containsExactly(TEA_14);
        assertThat(east.validFrom().toString()).isEqualTo("2026-12-01T00:00+08:00");

        clock.set("2027-01-01T00:00:00+08:00");
        assertThat(ids("sh-001")).containsExactly("JAN");
    }

    private List<String> ids(String store) {
        return service.activeFor(store).orElseThrow().stream().map(ActivePromotion::promotionId).toList();
    }

    /**
     * A known answer through the whole path: sales consumed, rolled up, grouped and compared. sh-001 redeems; sh-002
     * (same region and area) is the comparison; sh-003 (office) and bj-001 (north) are not comparable.
     * Baseline 2026-11-03..30: sh-001 1 tea a day (7 a week), sh-002 2 a day (14). Promotion days 2026-12-01..14:
     * sh-001 3 a day (21), sh-002 3 a day (21). Uplift (21 - 7) - (21 - 14) = 7 units per store-week.
     */
    @Test
    void theReportShowsTheUpliftOfAConstructedCase() throws Exception {
        clock.set("2026-10-01T08:00:00+08:00");
        db.storeCatalog(parse(catalog("dec", 1, teaPromotion("A"))));
        int receipt = 0;
        for (LocalDate day = LocalDate.parse("2026-11-03"); day.isBefore(LocalDate.parse("2026-12-15"));
             day = day.plusDays(1)) {
            boolean during = !day.isBefore(LocalDate.parse("2026-12-01"));
            String at = day + "T12:00:00+08:00";
            db.recordSale(sale("sh-001", "r" + ++receipt, at, tea(1, during ? "3" : "1", during ? 158 : 0,
                    during ? "A" : null)));
            db.recordSale(sale("sh-002", "r" + ++receipt, at, tea(1, during ? "3" : "2", 0, null)));
            db.recordSale(sale("sh-003", "r" + ++receipt, at, tea(1, "10", 0, null)));
            db.recordSale(sale("bj-001", "r" + ++receipt, at, tea(1, "10", 0, null)));
        }
        clock.set("2026-12-15T10:00:00+08:00");

        PromotionReport report = service.report("A").orElseThrow();

        assertThat(report.status()).isEqualTo("active");
        assertThat(report.redemptions()).isEqualTo(14);
        assertThat(report.units()).isEqualByComparingTo("42");
        assertThat(report.revenue()).isEqualTo(14 * (1050 - 158));
        assertThat(report.discount()).isEqualTo(14 * 158);
        assertThat(report.expectedDiscount()).isEqualTo(14 * 158);
        assertThat(report.budgetLeft()).isEqualTo(100_000 - 14 * 158);
        assertThat(report.storesParticipating()).isEqualTo(1);
        PromotionReport.Uplift uplift = report.uplift();
        assertThat(uplift.method()).isEqualTo("difference-in-differences");
        assertThat(uplift.promotionFrom()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(uplift.promotionTo()).isEqualTo(LocalDate.parse("2026-12-14"));
        assertThat(uplift.participating().unitsBefore()).isEqualByComparingTo("7");
        assertThat(uplift.participating().unitsDuring()).isEqualByComparingTo("21");
        assertThat(uplift.comparison().stores()).isEqualTo(1);
        assertThat(uplift.comparison().unitsBefore()).isEqualByComparingTo("14");
        assertThat(uplift.comparison().unitsDuring()).isEqualByComparingTo("21");
        assertThat(uplift.unitsUplift()).isEqualByComparingTo("7");
        assertThat(uplift.unitsUpliftRatio()).isEqualByComparingTo("1");
        // revenue: sh-001 7 x 350 = 2450 before, 7 x (1050 - 158) = 6244 during; sh-002 4900 before, 7350 during
        assertThat(uplift.revenueUplift()).isEqualByComparingTo("1344");
        assertThat(uplift.baselineComplete()).isTrue();

        String json = new String(Json.write(ReportJson.brandReport(report, "promotion-report:A:x",
                clock.instant().minusSeconds(3600), clock.instant())), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("loyal-customer-42", "till-1", "ORDER-", "sh-001", "sh-002");
        assertThat(fieldNames(Json.mapper().readTree(json))).doesNotContain("customerRef", "ageBand", "payerRef",
                "saleId", "receiptNo", "posId", "tenders", "storeId");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(name);
                names.addAll(fieldNames(node.get(name)));
            }
        } else if (node.isArray()) {
            node.forEach(item -> names.addAll(fieldNames(item)));
        }
        return names;
    }
}
