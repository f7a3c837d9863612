package org.storelink.ledger.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.ledger.SalesQueries;
import org.storelink.ledger.SalesSummary;
import org.storelink.model.Money;
import org.storelink.model.Store;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "sales-summary",
        description = "Sale count, revenue and top products from the ledger, per store and business day.")
public class SalesSummaryCommand implements Action {

    @Option(name = "--store", description = "Store id; all stores when omitted")
    String store;

    @Option(name = "--day", description = "Business day YYYY-MM-DD in the store's own time zone; all days when omitted")
    String day;

    @Option(name = "--top", description = "How many top products to show")
    int top = 5;

    @Reference
    SalesQueries sales;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess access = RegionAccess.current();
        if (store != null) {
            access.checkStore(stores, store);
        }
        Optional<LocalDate> businessDay = parseDay(day);
        // A regional admin's "all stores" are the stores of its own regions.
        boolean ownRegions = store == null && !access.isPlatformAdmin();
        SalesSummary summary = ownRegions ? summaryOf(access.stores(stores), businessDay)
                : sales.summary(Optional.ofNullable(store), businessDay, top);
        System.out.println("Store: " + (store != null ? store
                        : ownRegions ? "all of " + String.join(", ", access.regions()) : "all")
                + "   Business day: " + businessDay.map(LocalDate::toString).orElse("all"));
        System.out.println("Sales: " + summary.sales());
        System.out.println("Revenue: " + (summary.revenue().isEmpty() ? "none"
                : summary.revenue().stream().map(Money::format).collect(Collectors.joining(", "))));
        ShellTable table = new ShellTable();
        table.column("GTIN");
        table.column("Product");
        table.column("Units").alignRight();
        table.column("Revenue").alignRight();
        for (SalesSummary.TopProduct product : summary.topProducts()) {
            table.addRow().addContent(product.gtin(), product.name() == null ? "" : product.name(),
                    product.units().toPlainString(), product.revenue().format());
        }
        System.out.println("Top products:");
        table.print(System.out);
        return null;
    }

    private SalesSummary summaryOf(List<Store> own, Optional<LocalDate> businessDay) {
        List<SalesSummary> each = new ArrayList<>();
        for (Store one : own) {
            each.add(sales.summary(Optional.of(one.id()), businessDay, Integer.MAX_VALUE));
        }
        return merge(each, top);
    }

    /** The summaries of several stores as one, ranked as the ledger ranks them: by revenue, then GTIN. */
    static SalesSummary merge(List<SalesSummary> summaries, int top) {
        long count = 0;
        Map<String, Long> revenue = new TreeMap<>();
        Map<List<String>, SalesSummary.TopProduct> products = new LinkedHashMap<>();
        for (SalesSummary summary : summaries) {
            count += summary.sales();
            summary.revenue().forEach(money -> revenue.merge(money.currency(), money.minor(), Math::addExact));
            for (SalesSummary.TopProduct product : summary.topProducts()) {
                products.merge(List.of(product.gtin(), product.revenue().currency()), product,
                        (a, b) -> new SalesSummary.TopProduct(a.gtin(), maxName(a.name(), b.name()),
                                a.units().add(b.units()).stripTrailingZeros(), a.revenue().plus(b.revenue())));
            }
        }
        List<Money> totals = revenue.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey()))
                .sorted(Comparator.comparingLong(Money::minor).reversed().thenComparing(Money::currency)).toList();
        List<SalesSummary.TopProduct> ranked = products.values().stream()
                .sorted(Comparator.comparingLong((SalesSummary.TopProduct p) -> p.revenue().minor()).reversed()
                        .thenComparing(SalesSummary.TopProduct::gtin))
                .limit(Math.max(top, 0)).toList();
        return new SalesSummary(count, totals, ranked);
    }

    private static String maxName(String a, String b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static Optional<LocalDate> parseDay(String day) {
        if (day == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(day));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day: \"" + day + "\" is not a date YYYY-MM-DD");
        }
    }
}
