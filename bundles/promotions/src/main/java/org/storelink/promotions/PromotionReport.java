package org.storelink.promotions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How a promotion did, as of {@code asOf}. Money is minor units of {@code currency}. It holds figures only: no sale,
 * receipt or customer appears in it.
 *
 * @param status            {@code scheduled}, {@code active}, {@code budget-exhausted}, {@code ended} or
 *                          {@code withdrawn} (a newer catalog version no longer has it)
 * @param redemptions       promoted lines counted, less the lines that voided or returned one
 * @param discount          the discount the tills gave on those lines (what the brand funds)
 * @param expectedDiscount  the discount the mechanics would have given on the same lines, for comparison
 * @param budgetLeft        the budget less the discount given, never below 0
 */
public record PromotionReport(String promotionId, String brand, String catalogId, long catalogVersion, String name,
                              String mechanics, OffsetDateTime validFrom, OffsetDateTime validTo, String status,
                              String currency, long redemptions, BigDecimal units, long revenue, long discount,
                              long expectedDiscount, long budget, long budgetLeft, int storesParticipating,
                              Uplift uplift, Instant asOf) {

    /**
     * Difference-in-differences on the promoted products' sales per store-week: how much the participating stores'
     * sales moved from the {@value #BASELINE_WEEKS} weeks before the promotion to the promotion (so far), less how
     * much the comparison stores' moved over the same weeks.
     *
     * @param method          {@code difference-in-differences}; {@code before-after} when no comparable store
     *                        exists (the change of the participating stores alone); {@code not-available} when the
     *                        promotion has not started or no store participates
     * @param comparison      null unless the method is {@code difference-in-differences}
     * @param trackedSince    the first day storelink kept sales of every promoted product; a baseline starting before
     *                        it is incomplete ({@code baselineComplete} false)
     */
    public record Uplift(String method, LocalDate baselineFrom, LocalDate baselineTo, LocalDate promotionFrom,
                         LocalDate promotionTo, int promotionDays, Group participating, Group comparison,
                         BigDecimal unitsUplift, BigDecimal revenueUplift, BigDecimal unitsUpliftRatio,
                         LocalDate trackedSince, boolean baselineComplete) {
        public static final int BASELINE_WEEKS = 4;
    }

    /**
     * One group of stores' sales of the promoted products per store-week. Units have 2 decimals; revenue is minor
     * units with 2 decimals (a per-week average need not be a whole minor unit).
     */
    public record Group(int stores, BigDecimal unitsBefore, BigDecimal unitsDuring, BigDecimal revenueBefore,
                        BigDecimal revenueDuring) {

        public BigDecimal unitsChange() {
            return unitsDuring.subtract(unitsBefore);
        }

        public BigDecimal revenueChange() {
            return revenueDuring.subtract(revenueBefore);
        }
    }
}
