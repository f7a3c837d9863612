package org.storelink.promotions.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.Mechanics;
import org.storelink.promotions.PromotionReport;

/** The JSON documents the module writes: replies and reports to brands, active promotions to stores. */
final class ReportJson {
    static final String REPORT_TYPE = "promotion-report";
    static final String ACCEPTED_TYPE = "promotion-catalog-accepted";
    static final String REJECTED_TYPE = "promotion-catalog-rejected";

    private ReportJson() {
    }

    static ObjectNode mechanics(Mechanics mechanics) {
        ObjectNode node = Json.mapper().createObjectNode().put("type", mechanics.code());
        if (mechanics instanceof Mechanics.PercentOff p) {
            node.put("percent", p.percent());
        } else if (mechanics instanceof Mechanics.FixedPrice f) {
            node.put("price", f.price()).put("currency", f.currency());
        } else if (mechanics instanceof Mechanics.BuyXGetY x) {
            node.put("buy", x.buy()).put("get", x.get());
        } else if (mechanics instanceof Mechanics.BundlePrice b) {
            node.put("quantity", b.quantity()).put("price", b.price()).put("currency", b.currency());
        }
        return node;
    }

    static ObjectNode activePromotions(String storeId, Instant asOf, List<ActivePromotion> promotions) {
        ObjectNode root = Json.mapper().createObjectNode().put("storeId", storeId).put("asOf", asOf.toString());
        ArrayNode list = root.putArray("promotions");
        for (ActivePromotion promotion : promotions) {
            ObjectNode item = list.addObject()
                    .put("promotionId", promotion.promotionId())
                    .put("brand", promotion.brand())
                    .put("name", promotion.name())
                    .put("offer", promotion.mechanics().describe());
            item.set("mechanics", mechanics(promotion.mechanics()));
            ArrayNode products = item.putArray("products");
            promotion.gtins().forEach(products::add);
            item.put("validFrom", promotion.validFrom().toString()).put("validTo", promotion.validTo().toString());
        }
        return root;
    }

    static ObjectNode accepted(Catalog catalog, JdbcPromotions.CatalogOutcome outcome, Instant at) {
        ObjectNode root = Json.mapper().createObjectNode()
                .put("type", ACCEPTED_TYPE)
                .put("status", "accepted")
                .put("brand", catalog.brand())
                .put("catalogId", catalog.catalogId())
                .put("version", catalog.version())
                .put("changed", outcome.changed());
        ArrayNode promotions = root.putArray("promotions");
        catalog.promotions().forEach(p -> promotions.add(p.promotionId()));
        ArrayNode withdrawn = root.putArray("withdrawn");
        outcome.withdrawn().forEach(withdrawn::add);
        root.put("acceptedAt", at.toString());
        return root;
    }

    /** @param catalogId and {@code version} as far as the body could be read; null when not */
    static ObjectNode rejected(String brand, String catalogId, Long version, List<Violation> problems, Instant at) {
        ObjectNode root = Json.mapper().createObjectNode()
                .put("type", REJECTED_TYPE)
                .put("status", "rejected")
                .put("brand", brand);
        if (catalogId != null) {
            root.put("catalogId", catalogId);
        }
        if (version != null) {
            root.put("version", version);
        }
        ArrayNode list = root.putArray("problems");
        for (Violation problem : problems) {
            list.addObject().put("path", problem.path()).put("reason", problem.message());
        }
        root.put("rejectedAt", at.toString());
        return root;
    }

    /** The report a brand gets: figures only, nothing about any sale, receipt or customer. */
    static ObjectNode brandReport(PromotionReport report, String reportId, Instant periodFrom, Instant periodTo) {
        ObjectNode root = Json.mapper().createObjectNode()
                .put("type", REPORT_TYPE)
                .put("reportId", reportId)
                .put("brand", report.brand());
        root.putObject("period").put("from", periodFrom.toString()).put("to", periodTo.toString());
        root.put("asOf", report.asOf().toString());
        root.setAll(figures(report));
        return root;
    }

    /** Figures of one promotion, as the brand's report and the console show them. */
    static ObjectNode figures(PromotionReport report) {
        ObjectNode node = Json.mapper().createObjectNode()
                .put("promotionId", report.promotionId())
                .put("catalogId", report.catalogId())
                .put("catalogVersion", report.catalogVersion())
                .put("name", report.name())
                .put("offer", report.mechanics())
                .put("validFrom", report.validFrom().toString())
                .put("validTo", report.validTo().toString())
                .put("status", report.status())
                .put("currency", report.currency())
                .put("redemptions", report.redemptions())
                .put("units", report.units())
                .put("revenue", report.revenue())
                .put("discount", report.discount())
                .put("discountByMechanics", report.expectedDiscount())
                .put("budget", report.budget())
                .put("budgetLeft", report.budgetLeft())
                .put("storesParticipating", report.storesParticipating());
        PromotionReport.Uplift uplift = report.uplift();
        ObjectNode u = node.putObject("uplift")
                .put("method", uplift.method())
                .put("measure", "per store-week; revenue in minor units")
                .put("baselineFrom", uplift.baselineFrom().toString())
                .put("baselineTo", uplift.baselineTo().toString())
                .put("promotionFrom", uplift.promotionFrom().toString())
                .put("promotionTo", uplift.promotionTo().toString())
                .put("promotionDays", uplift.promotionDays())
                .put("baselineComplete", uplift.baselineComplete());
        if (uplift.trackedSince() != null) {
            u.put("trackedSince", uplift.trackedSince().toString());
        }
        if (uplift.participating() != null) {
            u.set("participating", group(uplift.participating()));
        }
        if (uplift.comparison() != null) {
            u.set("comparison", group(uplift.comparison()));
        }
        putNumber(u, "unitsUplift", uplift.unitsUplift());
        putNumber(u, "revenueUplift", uplift.revenueUplift());
        putNumber(u, "unitsUpliftRatio", uplift.unitsUpliftRatio());
        return node;
    }

    private static ObjectNode group(PromotionReport.Group group) {
        return Json.mapper().createObjectNode()
                .put("stores", group.stores())
                .put("unitsBefore", group.unitsBefore())
                .put("unitsDuring", group.unitsDuring())
                .put("revenueBefore", group.revenueBefore())
                .put("revenueDuring", group.revenueDuring());
    }

    private static void putNumber(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
