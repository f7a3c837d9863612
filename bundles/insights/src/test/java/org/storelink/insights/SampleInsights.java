package org.storelink.insights;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.storelink.insights.StoreInsights.AgeBandProduct;
import org.storelink.insights.StoreInsights.AgeBandProducts;
import org.storelink.insights.StoreInsights.HourOfDay;
import org.storelink.insights.StoreInsights.ProductFigures;
import org.storelink.insights.StoreInsights.ProductTrend;
import org.storelink.insights.StoreInsights.TrendLabel;
import org.storelink.insights.StoreInsights.Weekday;
import org.storelink.model.AgeBand;
import org.storelink.model.Money;

/** Fixed insights for the tests of what shows them (filter, command): figures chosen by hand, not computed. */
public final class SampleInsights {
    public static final String TEA = "06901234567892";
    public static final String COFFEE = "04006381333931";

    private SampleInsights() {
    }

    private static Money cny(long minor) {
        return new Money(minor, "CNY");
    }

    public static StoreInsights of(String storeId) {
        List<HourOfDay> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(hour == 9 ? new HourOfDay(9, 2, cny(1900)) : new HourOfDay(hour, 0, cny(0)));
        }
        List<Weekday> weekdays = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.add(day == DayOfWeek.THURSDAY ? new Weekday(day, 2, cny(1900)) : new Weekday(day, 0, cny(0)));
        }
        ProductFigures tea = new ProductFigures(TEA, "Green tea 500ml", BigDecimal.valueOf(2), cny(700));
        ProductFigures coffee = new ProductFigures(COFFEE, "Coffee", BigDecimal.ONE, cny(1200));
        List<AgeBandProducts> bands = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            bands.add(band == AgeBand.AGE_25_34
                    ? new AgeBandProducts(band, false, null, 6,
                            List.of(new AgeBandProduct(TEA, "Green tea 500ml", BigDecimal.valueOf(8), cny(2800), 6)), 2)
                    : AgeBandProducts.suppressed(band, "fewer than 5 customers"));
        }
        return new StoreInsights(storeId, ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 11, 27), 5, "CNY", List.of(), new StoreInsights.Totals(2, 0, cny(1900)), hours,
                weekdays, List.of(tea, coffee), List.of(coffee, tea),
                new StoreInsights.Trends(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 27),
                        LocalDate.of(2026, 10, 24), LocalDate.of(2026, 11, 20),
                        List.of(new ProductTrend(TEA, "Green tea 500ml", BigDecimal.valueOf(10), BigDecimal.valueOf(5),
                                new BigDecimal("2.00"), TrendLabel.RISING),
                                new ProductTrend(COFFEE, "Coffee", BigDecimal.ONE, BigDecimal.ZERO, null,
                                        TrendLabel.NEW))),
                new StoreInsights.Basket(2, new BigDecimal("1.50"), cny(950)),
                new StoreInsights.RepeatCustomers(false, null, 8, 3, new BigDecimal("0.3750")), bands);
    }
}
