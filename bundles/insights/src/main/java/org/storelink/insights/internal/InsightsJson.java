package org.storelink.insights.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.storelink.insights.StoreInsights;
import org.storelink.insights.StoreInsights.AgeBandProduct;
import org.storelink.insights.StoreInsights.AgeBandProducts;
import org.storelink.insights.StoreInsights.HourOfDay;
import org.storelink.insights.StoreInsights.ProductFigures;
import org.storelink.insights.StoreInsights.ProductTrend;
import org.storelink.insights.StoreInsights.Weekday;
import org.storelink.model.Money;
import org.storelink.model.json.Json;

/**
 * The JSON form of {@link StoreInsights}. Money is {@code {"minor": 1250, "currency": "CNY", "formatted": "CNY
 * 12.50"}}, integers only; units and ratios are decimal numbers; a suppressed group says so and why, and nothing
 * else.
 */
final class InsightsJson {

    private InsightsJson() {
    }

    static ObjectNode write(StoreInsights insights) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("storeId", insights.storeId());
        root.put("zone", insights.zone().getId());
        root.putObject("window").put("from", insights.from().toString()).put("to", insights.to().toString())
                .put("days", insights.days());
        root.put("k", insights.k());
        root.put("currency", insights.currency());
        ArrayNode others = root.putArray("otherCurrencies");
        insights.otherCurrencies().forEach(others::add);
        ObjectNode totals = root.putObject("totals");
        totals.put("sales", insights.totals().sales());
        totals.put("returns", insights.totals().returns());
        totals.set("revenue", money(insights.totals().revenue()));

        ArrayNode hours = root.putArray("byHourOfDay");
        for (HourOfDay hour : insights.byHourOfDay()) {
            hours.addObject().put("hour", hour.hour()).put("sales", hour.sales())
                    .set("revenue", money(hour.revenue()));
        }
        ArrayNode weekdays = root.putArray("byWeekday");
        for (Weekday day : insights.byWeekday()) {
            weekdays.addObject().put("weekday", day.day().name().toLowerCase(java.util.Locale.ROOT))
                    .put("sales", day.sales()).set("revenue", money(day.revenue()));
        }
        products(root.putArray("topProductsByUnits"), insights);
        ArrayNode byRevenue = root.putArray("topProductsByRevenue");
        for (ProductFigures product : insights.topByRevenue()) {
            product(byRevenue, product);
        }

        ObjectNode trends = root.putObject("demandTrend");
        trends.putObject("lastWeek").put("from", insights.trends().weekFrom().toString())
                .put("to", insights.trends().weekTo().toString());
        trends.putObject("baseline").put("from", insights.trends().baselineFrom().toString())
                .put("to", insights.trends().baselineTo().toString()).put("weeks", 4);
        ArrayNode trendProducts = trends.putArray("products");
        for (ProductTrend trend : insights.trends().products()) {
            trendProducts.addObject().put("gtin", trend.gtin()).put("name", trend.name())
                    .put("lastWeekUnits", trend.lastWeekUnits())
                    .put("weeklyAverageBefore", trend.weeklyAverageBefore())
                    .put("ratio", trend.ratio())
                    .put("label", trend.label().label());
        }

        ObjectNode basket = root.putObject("basket");
        basket.put("sales", insights.basket().sales());
        basket.put("meanItems", insights.basket().meanItems());
        basket.set("meanValue", money(insights.basket().meanValue()));

        ObjectNode repeat = root.putObject("repeatCustomers");
        if (insights.repeatCustomers().suppressed()) {
            repeat.put("suppressed", true).put("reason", insights.repeatCustomers().reason());
        } else {
            repeat.put("suppressed", false)
                    .put("identifiedCustomers", insights.repeatCustomers().identifiedCustomers())
                    .put("repeatCustomers", insights.repeatCustomers().repeatCustomers())
                    .put("rate", insights.repeatCustomers().rate());
        }

        ArrayNode bands = root.putArray("topProductsByAgeBand");
        for (AgeBandProducts band : insights.byAgeBand()) {
            ObjectNode cell = bands.addObject().put("ageBand", band.ageBand().label());
            if (band.suppressed()) {
                cell.put("suppressed", true).put("reason", band.reason());
                continue;
            }
            cell.put("suppressed", false).put("customers", band.customers());
            ArrayNode top = cell.putArray("topProducts");
            for (AgeBandProduct product : band.topProducts()) {
                top.addObject().put("gtin", product.gtin()).put("name", product.name()).put("units", product.units())
                        .put("customers", product.customers()).set("revenue", money(product.revenue()));
            }
            cell.put("productsWithheld", band.productsWithheld());
        }
        return root;
    }

    private static void products(ArrayNode array, StoreInsights insights) {
        for (ProductFigures product : insights.topByUnits()) {
            product(array, product);
        }
    }

    private static void product(ArrayNode array, ProductFigures product) {
        array.addObject().put("gtin", product.gtin()).put("name", product.name()).put("units", product.units())
                .set("revenue", money(product.revenue()));
    }

    static ObjectNode money(Money money) {
        if (money == null) {
            return null;
        }
        return Json.mapper().createObjectNode().put("minor", money.minor()).put("currency", money.currency())
                .put("formatted", money.format());
    }
}
