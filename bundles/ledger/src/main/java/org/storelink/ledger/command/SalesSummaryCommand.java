package org.storelink.ledger.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
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

    @Override
    public Object execute() {
        Optional<LocalDate> businessDay = parseDay(day);
        SalesSummary summary = sales.summary(Optional.ofNullable(store), businessDay, top);
        System.out.println("Store: " + (store == null ? "all" : store)
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
