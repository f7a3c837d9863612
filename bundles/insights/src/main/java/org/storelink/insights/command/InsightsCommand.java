package org.storelink.insights.command;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.insights.Insights;
import org.storelink.insights.StoreInsights;
import org.storelink.insights.StoreInsights.AgeBandProduct;
import org.storelink.insights.StoreInsights.AgeBandProducts;
import org.storelink.insights.StoreInsights.HourOfDay;
import org.storelink.insights.StoreInsights.ProductFigures;
import org.storelink.insights.StoreInsights.ProductTrend;
import org.storelink.insights.StoreInsights.Weekday;
import org.storelink.model.Money;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "insights",
        description = "A store's insights: sales by hour and weekday, top products, demand trend, basket size, repeat"
                + " customers and who buys what, with groups of fewer than k customers suppressed.")
public class InsightsCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--days", description = "Window: the last N business days, today included (1 to 366)")
    int days = Insights.DEFAULT_DAYS;

    @Reference
    Insights insights;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess.current().checkStore(stores, store);
        if (days < 1 || days > Insights.MAX_DAYS) {
            throw new IllegalArgumentException("--days: must be from 1 to " + Insights.MAX_DAYS + ", is " + days);
        }
        StoreInsights found = insights.forStore(store, days)
                .orElseThrow(() -> new IllegalArgumentException("Unknown store \"" + store + "\""));
        print(found, System.out);
        return null;
    }

    static void print(StoreInsights insights, PrintStream out) {
        out.println("Store: " + insights.storeId() + "   Zone: " + insights.zone() + "   Days: " + insights.from()
                + " to " + insights.to() + " (" + insights.days() + ")"
                + "   Currency: " + (insights.currency() == null ? "none" : insights.currency()));
        if (!insights.otherCurrencies().isEmpty()) {
            out.println("Sales in " + String.join(", ", insights.otherCurrencies()) + " are not included.");
        }
        out.println("Sales: " + insights.totals().sales() + "   Returns: " + insights.totals().returns()
                + "   Revenue: " + format(insights.totals().revenue()));
        out.println("Privacy: groups of fewer than " + insights.k() + " customers are suppressed.");

        out.println();
        out.println("Sales by hour of day (hours with sales)");
        ShellTable hours = table("Hour", "Sales", "Revenue");
        for (HourOfDay hour : insights.byHourOfDay()) {
            if (hour.sales() != 0 || (hour.revenue() != null && hour.revenue().minor() != 0)) {
                hours.addRow().addContent(String.format("%02d:00", hour.hour()), hour.sales(), format(hour.revenue()));
            }
        }
        hours.print(out);

        out.println();
        out.println("Sales by weekday");
        ShellTable weekdays = table("Weekday", "Sales", "Revenue");
        for (Weekday day : insights.byWeekday()) {
            weekdays.addRow().addContent(day.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH), day.sales(),
                    format(day.revenue()));
        }
        weekdays.print(out);

        products(out, "Top products by units", insights.topByUnits());
        products(out, "Top products by revenue", insights.topByRevenue());

        out.println();
        out.println("Demand trend: " + insights.trends().weekFrom() + " to " + insights.trends().weekTo()
                + " against the weekly average of " + insights.trends().baselineFrom() + " to "
                + insights.trends().baselineTo());
        ShellTable trends = table("GTIN", "Product", "Last 7 days", "Weekly avg before", "Ratio", "Trend");
        for (ProductTrend trend : insights.trends().products()) {
            trends.addRow().addContent(trend.gtin(), name(trend.name()), trend.lastWeekUnits().toPlainString(),
                    trend.weeklyAverageBefore().toPlainString(),
                    trend.ratio() == null ? "-" : trend.ratio().toPlainString(), trend.label().label());
        }
        trends.print(out);

        out.println();
        if (insights.basket().sales() == 0) {
            out.println("Basket: no sales");
        } else {
            out.println("Basket: " + insights.basket().meanItems().toPlainString() + " items and "
                    + format(insights.basket().meanValue()) + " per sale, over " + insights.basket().sales()
                    + " sales");
        }
        if (insights.repeatCustomers().suppressed()) {
            out.println("Repeat customers: suppressed (" + insights.repeatCustomers().reason() + ")");
        } else {
            out.println("Repeat customers: " + percent(insights.repeatCustomers().rate()) + " ("
                    + insights.repeatCustomers().repeatCustomers() + " of "
                    + insights.repeatCustomers().identifiedCustomers()
                    + " identified customers bought on 2 or more days)");
        }

        out.println();
        out.println("Top products by age band");
        ShellTable bands = table("Age band", "Customers", "GTIN", "Product", "Units", "Revenue");
        for (AgeBandProducts band : insights.byAgeBand()) {
            if (band.suppressed()) {
                bands.addRow().addContent(band.ageBand().label(), "-", "", "suppressed: " + band.reason(), "", "");
                continue;
            }
            boolean first = true;
            for (AgeBandProduct product : band.topProducts()) {
                bands.addRow().addContent(first ? band.ageBand().label() : "",
                        first ? String.valueOf(band.customers()) : "", product.gtin(), name(product.name()),
                        product.units().toPlainString(), format(product.revenue()));
                first = false;
            }
            if (band.productsWithheld() > 0 || first) {
                bands.addRow().addContent(first ? band.ageBand().label() : "",
                        first ? String.valueOf(band.customers()) : "", "",
                        band.productsWithheld() + " product(s) bought by fewer than " + insights.k()
                                + " customers withheld", "", "");
            }
        }
        bands.print(out);
    }

    private static void products(PrintStream out, String title, List<ProductFigures> products) {
        out.println();
        out.println(title);
        ShellTable table = table("GTIN", "Product", "Units", "Revenue");
        for (ProductFigures product : products) {
            table.addRow().addContent(product.gtin(), name(product.name()), product.units().toPlainString(),
                    format(product.revenue()));
        }
        table.print(out);
    }

    private static ShellTable table(String first, String... rightAligned) {
        ShellTable table = new ShellTable();
        table.column(first);
        for (String column : rightAligned) {
            if (column.equals("Product") || column.equals("Trend") || column.equals("GTIN")) {
                table.column(column);
            } else {
                table.column(column).alignRight();
            }
        }
        table.emptyTableText("(none)");
        return table;
    }

    private static String name(String name) {
        return name == null ? "" : name;
    }

    private static String format(Money money) {
        return money == null ? "-" : money.format();
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
