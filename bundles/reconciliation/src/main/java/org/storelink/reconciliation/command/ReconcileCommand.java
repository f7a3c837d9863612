package org.storelink.reconciliation.command;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.model.Money;
import org.storelink.reconciliation.Reconciliation;
import org.storelink.reconciliation.ReconciliationReport;
import org.storelink.reconciliation.ReconciliationResult;
import org.storelink.reconciliation.ResultState;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "reconcile",
        description = "Reconciles a store's business day now: POS tenders against payments, payments against bank"
                + " settlements; prints the day's results and publishes new discrepancies.")
public class ReconcileCommand implements Action {

    @Option(name = "--store", required = true, description = "Store id")
    String store;

    @Option(name = "--day", required = true, description = "Business day YYYY-MM-DD in the store's own time zone")
    String day;

    @Reference
    Reconciliation reconciliation;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess.current().checkStore(stores, store);
        LocalDate businessDay = parseDay(day);
        print(reconciliation.reconcile(store, businessDay), System.out);
        return null;
    }

    static LocalDate parseDay(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day: \"" + day + "\" is not a date YYYY-MM-DD");
        }
    }

    static void print(ReconciliationReport report, PrintStream out) {
        out.println("Store: " + report.storeId() + "   Business day: " + report.businessDay()
                + "   Reconciled at: " + report.reconciledAt());
        ShellTable table = new ShellTable();
        table.column("State");
        table.column("Sale");
        table.column("Tender/payment ref");
        table.column("Payment");
        table.column("Settlement");
        table.column("Expected").alignRight();
        table.column("Actual").alignRight();
        table.column("Detail");
        for (ReconciliationResult result : report.results()) {
            table.addRow().addContent(result.state().label(), orEmpty(result.saleId()), orEmpty(result.reference()),
                    orEmpty(result.paymentId()), orEmpty(result.settlementId()),
                    money(result.expected(), result.currency()), money(result.actual(), result.currency()),
                    orEmpty(result.detail()));
        }
        table.print(out);
        Map<ResultState, Long> counts = report.counts();
        out.println(counts.isEmpty() ? "Nothing to reconcile."
                : counts.entrySet().stream().map(count -> count.getKey().label() + ": " + count.getValue())
                        .collect(Collectors.joining(", ")));
    }

    private static String money(Long minor, String currency) {
        return minor == null || currency == null ? "" : new Money(minor, currency).format();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
