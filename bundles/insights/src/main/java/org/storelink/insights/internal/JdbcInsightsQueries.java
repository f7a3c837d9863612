package org.storelink.insights.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.storelink.insights.StoreInsights;
import org.storelink.insights.StoreInsights.AgeBandProduct;
import org.storelink.insights.StoreInsights.AgeBandProducts;
import org.storelink.insights.StoreInsights.Basket;
import org.storelink.insights.StoreInsights.HourOfDay;
import org.storelink.insights.StoreInsights.ProductFigures;
import org.storelink.insights.StoreInsights.ProductTrend;
import org.storelink.insights.StoreInsights.RepeatCustomers;
import org.storelink.insights.StoreInsights.Totals;
import org.storelink.insights.StoreInsights.TrendLabel;
import org.storelink.insights.StoreInsights.Trends;
import org.storelink.insights.StoreInsights.Weekday;
import org.storelink.model.AgeBand;
import org.storelink.model.Money;

/**
 * Computes a store's insights from the rollups only; no query reads a sale. The k rule is applied here, so that
 * nothing below k leaves this class.
 */
public final class JdbcInsightsQueries {
    static final int TOP_PRODUCTS = 10;
    static final int TOP_PRODUCTS_PER_BAND = 5;
    static final int TREND_PRODUCTS = 20;
    /** A trend within this share of the baseline is steady. */
    static final BigDecimal STEADY_BAND = new BigDecimal("0.20");
    private static final BigDecimal WEEKS_BEFORE = BigDecimal.valueOf(4);

    private final DataSource dataSource;

    public JdbcInsightsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param today the last day of the window and of the trend's last week, in the store's zone
     * @param k the fewest distinct customers a group shown by customer attribute must have, at least 2
     */
    public StoreInsights insights(String storeId, ZoneId zone, LocalDate today, int days, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, is " + k);
        }
        LocalDate from = today.minusDays(days - 1L);
        Window window = new Window(storeId, from, today);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> salesPerCurrency = salesPerCurrency(connection, window);
            String currency = salesPerCurrency.isEmpty() ? latestCurrency(connection, storeId)
                    : salesPerCurrency.keySet().iterator().next();
            List<String> others = salesPerCurrency.keySet().stream().filter(c -> !c.equals(currency)).toList();
            Hourly hourly = hourly(connection, window, currency);
            return new StoreInsights(storeId, zone, from, today, k, currency, others, hourly.totals(),
                    hourly.byHour(), weekdays(connection, window, currency),
                    topProducts(connection, window, currency, "SUM(units) DESC, SUM(revenue_minor) DESC"),
                    topProducts(connection, window, currency, "SUM(revenue_minor) DESC, SUM(units) DESC"),
                    trends(connection, storeId, today), basket(connection, window, currency),
                    repeatCustomers(connection, window, k), byAgeBand(connection, window, currency, k));
        } catch (SQLException e) {
            throw new IllegalStateException("insights query failed: " + e.getMessage(), e);
        }
    }

    private record Window(String storeId, LocalDate from, LocalDate to) {
        /** Binds store, from and to from parameter {@code first} on; returns the next free parameter. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, storeId);
            statement.setDate(first + 1, Date.valueOf(from));
            statement.setDate(first + 2, Date.valueOf(to));
            return first + 3;
        }
    }

    private static final String IN_WINDOW = " store_id = ? AND business_day BETWEEN ? AND ?";

    /** Currencies of the window's sales, most sales first. */
    private static Map<String, Long> salesPerCurrency(Connection connection, Window window) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT currency, SUM(sale_count + return_count) FROM insights_hourly WHERE" + IN_WINDOW
                        + " GROUP BY currency ORDER BY SUM(sale_count + return_count) DESC, currency")) {
            window.bind(query, 1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The currency of the store's latest sales, for a window without any; null when it never sold anything. */
    private static String latestCurrency(Connection connection, String storeId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT currency FROM insights_hourly"
                + " WHERE store_id = ? ORDER BY business_day DESC, currency FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, storeId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static Money money(long minor, String currency) {
        return currency == null ? null : new Money(minor, currency);
    }

    private record Hourly(Totals totals, List<HourOfDay> byHour) {
    }

    private static Hourly hourly(Connection connection, Window window, String currency) throws SQLException {
        long[] sales = new long[24];
        long[] revenue = new long[24];
        long returns = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT hour_of_day, SUM(sale_count), SUM(return_count), SUM(revenue_minor) FROM insights_hourly"
                        + " WHERE" + IN_WINDOW + " AND currency = ? GROUP BY hour_of_day")) {
            query.setString(window.bind(query, 1), currency);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int hour = rows.getInt(1);
                    sales[hour] = rows.getLong(2);
                    returns += rows.getLong(3);
                    revenue[hour] = rows.getLong(4);
                }
            }
        }
        List<HourOfDay> byHour = new ArrayList<>();
        long totalSales = 0;
        long totalRevenue = 0;
        for (int hour = 0; hour < 24; hour++) {
            byHour.add(new HourOfDay(hour, sales[hour], money(revenue[hour], currency)));
            totalSales += sales[hour];
            totalRevenue = Math.addExact(totalRevenue, revenue[hour]);
        }
        return new Hourly(new Totals(totalSales, returns, money(totalRevenue, currency)), byHour);
    }

    private static List<Weekday> weekdays(Connection connection, Window window, String currency)
            throws SQLException {
        Map<DayOfWeek, long[]> perDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            perDay.put(day, new long[2]);
        }
        // Per business day, and the weekday taken in Java: SQL's day-of-week functions differ between databases.
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT business_day, SUM(sale_count), SUM(revenue_minor) FROM insights_hourly WHERE" + IN_WINDOW
                        + " AND currency = ? GROUP BY business_day")) {
            query.setString(window.bind(query, 1), currency);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long[] sums = perDay.get(rows.getDate(1).toLocalDate().getDayOfWeek());
                    sums[0] += rows.getLong(2);
                    sums[1] = Math.addExact(sums[1], rows.getLong(3));
                }
            }
        }
        List<Weekday> weekdays = new ArrayList<>();
        perDay.forEach((day, sums) -> weekdays.add(new Weekday(day, sums[0], money(sums[1], currency))));
        return weekdays;
    }

    private static List<ProductFigures> topProducts(Connection connection, Window window, String currency,
                                                    String order) throws SQLException {
        List<ProductFigures> top = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT gtin, MAX(name), SUM(units), SUM(revenue_minor) FROM insights_daily_product WHERE"
                        + IN_WINDOW + " AND currency = ? GROUP BY gtin ORDER BY " + order + ", gtin"
                        + " FETCH FIRST " + TOP_PRODUCTS + " ROWS ONLY")) {
            query.setString(window.bind(query, 1), currency);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    top.add(new ProductFigures(rows.getString(1), rows.getString(2), units(rows.getBigDecimal(3)),
                            money(rows.getLong(4), currency)));
                }
            }
        }
        return top;
    }

    static BigDecimal units(BigDecimal units) {
        BigDecimal stripped = units.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Last 7 days against the 4 weeks before, whatever the window; units in every currency. */
    private static Trends trends(Connection connection, String storeId, LocalDate today) throws SQLException {
        LocalDate weekFrom = today.minusDays(6);
        LocalDate baselineFrom = weekFrom.minusWeeks(4);
        LocalDate baselineTo = weekFrom.minusDays(1);
        List<ProductTrend> products = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT gtin, MAX(name),
                  SUM(CASE WHEN business_day >= ? THEN units ELSE 0 END),
                  SUM(CASE WHEN business_day < ? THEN units ELSE 0 END)
                FROM insights_daily_product WHERE store_id = ? AND business_day BETWEEN ? AND ?
                GROUP BY gtin""")) {
            query.setDate(1, Date.valueOf(weekFrom));
            query.setDate(2, Date.valueOf(weekFrom));
            query.setString(3, storeId);
            query.setDate(4, Date.valueOf(baselineFrom));
            query.setDate(5, Date.valueOf(today));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ProductTrend trend = trend(rows.getString(1), rows.getString(2), rows.getBigDecimal(3),
                            rows.getBigDecimal(4));
                    if (trend != null) {
                        products.add(trend);
                    }
                }
            }
        }
        products.sort(Comparator.comparing((ProductTrend t) -> t.lastWeekUnits().max(t.weeklyAverageBefore()))
                .reversed().thenComparing(ProductTrend::gtin));
        return new Trends(weekFrom, today, baselineFrom, baselineTo,
                products.subList(0, Math.min(TREND_PRODUCTS, products.size())));
    }

    /** Null when the product sold nothing, net, in either period. */
    static ProductTrend trend(String gtin, String name, BigDecimal lastWeek, BigDecimal baseline) {
        if (lastWeek.signum() <= 0 && baseline.signum() <= 0) {
            return null;
        }
        BigDecimal weeklyAverage = units(baseline.max(BigDecimal.ZERO).divide(WEEKS_BEFORE, 3, RoundingMode.HALF_UP));
        BigDecimal last = units(lastWeek.max(BigDecimal.ZERO));
        if (weeklyAverage.signum() == 0) {
            return new ProductTrend(gtin, name, last, weeklyAverage, null, TrendLabel.NEW);
        }
        // last / (baseline / 4), computed as last * 4 / baseline so that the average's rounding does not leak in
        BigDecimal ratio = last.multiply(WEEKS_BEFORE).divide(baseline, 2, RoundingMode.HALF_UP);
        TrendLabel label = ratio.compareTo(BigDecimal.ONE.add(STEADY_BAND)) >= 0 ? TrendLabel.RISING
                : ratio.compareTo(BigDecimal.ONE.subtract(STEADY_BAND)) <= 0 ? TrendLabel.FALLING
                : TrendLabel.STEADY;
        return new ProductTrend(gtin, name, last, weeklyAverage, ratio, label);
    }

    private static Basket basket(Connection connection, Window window, String currency) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SUM(sale_count), SUM(item_count), SUM(value_minor) FROM insights_daily_basket WHERE"
                        + IN_WINDOW + " AND currency = ?")) {
            query.setString(window.bind(query, 1), currency);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long sales = rows.getLong(1);
                if (sales == 0) {
                    return new Basket(0, null, null);
                }
                BigDecimal count = BigDecimal.valueOf(sales);
                BigDecimal meanItems = BigDecimal.valueOf(rows.getLong(2)).divide(count, 2, RoundingMode.HALF_UP);
                long meanValue = BigDecimal.valueOf(rows.getLong(3)).divide(count, 0, RoundingMode.HALF_UP)
                        .longValueExact();
                return new Basket(sales, meanItems, money(meanValue, currency));
            }
        }
    }

    private static RepeatCustomers repeatCustomers(Connection connection, Window window, int k)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN visit_days >= 2 THEN 1 ELSE 0 END), 0)
                FROM (SELECT customer_ref, COUNT(*) AS visit_days FROM insights_customer_day
                      WHERE""" + IN_WINDOW + " GROUP BY customer_ref) v")) {
            window.bind(query, 1);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long identified = rows.getLong(1);
                long repeat = rows.getLong(2);
                if (identified < k) {
                    return RepeatCustomers.suppressed("fewer than " + k + " identified customers");
                }
                return new RepeatCustomers(false, null, identified, repeat,
                        BigDecimal.valueOf(repeat).divide(BigDecimal.valueOf(identified), 4, RoundingMode.HALF_UP));
            }
        }
    }

    private static List<AgeBandProducts> byAgeBand(Connection connection, Window window, String currency, int k)
            throws SQLException {
        Map<String, Long> customersPerBand = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT age_band, COUNT(DISTINCT customer_ref) FROM insights_band_product WHERE" + IN_WINDOW
                        + " AND currency = ? GROUP BY age_band")) {
            query.setString(window.bind(query, 1), currency);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    customersPerBand.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        Map<String, List<AgeBandProduct>> productsPerBand = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT age_band, gtin, MAX(name), SUM(units), SUM(revenue_minor), COUNT(DISTINCT customer_ref)"
                        + " FROM insights_band_product WHERE" + IN_WINDOW + " AND currency = ?"
                        + " GROUP BY age_band, gtin ORDER BY age_band, SUM(units) DESC, SUM(revenue_minor) DESC, gtin")) {
            query.setString(window.bind(query, 1), currency);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    productsPerBand.computeIfAbsent(rows.getString(1), band -> new ArrayList<>())
                            .add(new AgeBandProduct(rows.getString(2), rows.getString(3),
                                    units(rows.getBigDecimal(4)), money(rows.getLong(5), currency), rows.getLong(6)));
                }
            }
        }
        String reason = "fewer than " + k + " customers";
        List<AgeBandProducts> bands = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            long customers = customersPerBand.getOrDefault(band.label(), 0L);
            if (customers < k) {
                bands.add(AgeBandProducts.suppressed(band, reason));
                continue;
            }
            List<AgeBandProduct> shown = new ArrayList<>();
            int withheld = 0;
            for (AgeBandProduct product : productsPerBand.getOrDefault(band.label(), List.of())) {
                if (product.customers() < k) {
                    withheld++;
                } else if (shown.size() < TOP_PRODUCTS_PER_BAND) {
                    shown.add(product);
                }
            }
            bands.add(new AgeBandProducts(band, false, null, customers, shown, withheld));
        }
        return bands;
    }
}
