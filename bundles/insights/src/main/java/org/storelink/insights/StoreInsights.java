package org.storelink.insights;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.storelink.model.AgeBand;
import org.storelink.model.Money;

/**
 * What a store owner sees. Money is in minor units of {@link #currency()}: the currency of most of the window's
 * sales; sales in {@link #otherCurrencies()} are left out of the money figures. Units may be fractional (goods
 * sold by weight). When the store has never sold anything, {@code currency} and every {@link Money} are null.
 *
 * @param from first business day of the window, in the store's zone
 * @param to last business day of the window: today in the store's zone
 * @param k the fewest distinct customers a group must have to be shown in a breakdown by customer attribute
 */
public record StoreInsights(
        String storeId,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        int k,
        String currency,
        List<String> otherCurrencies,
        Totals totals,
        List<HourOfDay> byHourOfDay,
        List<Weekday> byWeekday,
        List<ProductFigures> topByUnits,
        List<ProductFigures> topByRevenue,
        Trends trends,
        Basket basket,
        RepeatCustomers repeatCustomers,
        List<AgeBandProducts> byAgeBand) {

    public StoreInsights {
        otherCurrencies = List.copyOf(otherCurrencies);
        byHourOfDay = List.copyOf(byHourOfDay);
        byWeekday = List.copyOf(byWeekday);
        topByUnits = List.copyOf(topByUnits);
        topByRevenue = List.copyOf(topByRevenue);
        byAgeBand = List.copyOf(byAgeBand);
    }

    /** Days in the window. */
    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /**
     * @param sales sales that were not returns
     * @param returns sales with a negative total (refunds)
     * @param revenue what all of them came to, returns deducted
     */
    public record Totals(long sales, long returns, Money revenue) {
    }

    /** @param hour 0 to 23, local time in the store's zone */
    public record HourOfDay(int hour, long sales, Money revenue) {
    }

    public record Weekday(DayOfWeek day, long sales, Money revenue) {
    }

    /** @param gtin the 14-digit GTIN */
    public record ProductFigures(String gtin, String name, BigDecimal units, Money revenue) {
    }

    /**
     * Demand per product: units in the last 7 days (today included) against the weekly average of the 4 weeks
     * before. It does not depend on the window.
     *
     * @param products the products that sold in those 5 weeks, those selling most first, at most 20
     */
    public record Trends(LocalDate weekFrom, LocalDate weekTo, LocalDate baselineFrom, LocalDate baselineTo,
            List<ProductTrend> products) {

        public Trends {
            products = List.copyOf(products);
        }
    }

    /**
     * @param ratio {@code lastWeekUnits / weeklyAverageBefore}, 2 decimals; null when there was no baseline
     */
    public record ProductTrend(String gtin, String name, BigDecimal lastWeekUnits, BigDecimal weeklyAverageBefore,
            BigDecimal ratio, TrendLabel label) {
    }

    public enum TrendLabel {
        /** At least 20% above the weekly average before. */
        RISING,
        /** At least 20% below the weekly average before. */
        FALLING,
        /** Within 20% of the weekly average before. */
        STEADY,
        /** Sold in the last 7 days and not in the 4 weeks before. */
        NEW;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Over sales that were not returns.
     *
     * @param meanItems items per sale, 2 decimals (a line sold by weight is one item); null without sales
     * @param meanValue value per sale rounded half-up to a minor unit; null without sales
     */
    public record Basket(long sales, BigDecimal meanItems, Money meanValue) {
    }

    /**
     * Identified customers (a payer or a loyalty reference) who bought on 2 or more days of the window, against all
     * identified customers. Suppressed when fewer than k customers were identified.
     *
     * @param reason why it is suppressed, else null
     * @param rate {@code repeatCustomers / identifiedCustomers}, 4 decimals; null when suppressed
     */
    public record RepeatCustomers(boolean suppressed, String reason, long identifiedCustomers, long repeatCustomers,
            BigDecimal rate) {

        public static RepeatCustomers suppressed(String reason) {
            return new RepeatCustomers(true, reason, 0, 0, null);
        }
    }

    /**
     * Who buys what: the top products of one age band. Every band is listed, so an absent band says nothing; a band
     * with fewer than k customers is suppressed, and so is each product bought by fewer than k of its customers
     * (those are counted in {@code productsWithheld} only).
     *
     * @param customers distinct customers of the band in the window; 0 when suppressed
     */
    public record AgeBandProducts(AgeBand ageBand, boolean suppressed, String reason, long customers,
            List<AgeBandProduct> topProducts, int productsWithheld) {

        public AgeBandProducts {
            topProducts = List.copyOf(topProducts);
        }

        public static AgeBandProducts suppressed(AgeBand ageBand, String reason) {
            return new AgeBandProducts(ageBand, true, reason, 0, List.of(), 0);
        }
    }

    /** @param customers distinct customers of the band who bought it, at least k */
    public record AgeBandProduct(String gtin, String name, BigDecimal units, Money revenue, long customers) {
    }
}
