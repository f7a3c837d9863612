package org.storelink.wholesale.command;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.model.Money;
import org.storelink.wholesale.Purchase;
import org.storelink.wholesale.WholesaleOrdering;

@Service
@Command(scope = "storelink", name = "purchase-record",
        description = "Records a purchase a store made outside the platform, for its sourcing share.")
public class PurchaseRecordCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--amount", required = true, description = "Amount in major units, such as 1200.00")
    String amount;

    @Option(name = "--currency", required = true, description = "ISO 4217 code")
    String currency;

    @Option(name = "--supplier", required = true, description = "Who it was bought from")
    String supplier;

    @Option(name = "--day", required = true, description = "Business day YYYY-MM-DD")
    String day;

    @Reference
    WholesaleOrdering wholesale;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        long minor;
        try {
            minor = Money.parseMajor(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--amount/--currency: " + e.getMessage());
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day: '" + day + "' is not a date YYYY-MM-DD");
        }
        Purchase recorded = wholesale.recordPurchase(new Purchase(null, store, date, new Money(minor, currency),
                supplier));
        out.println("Purchase " + recorded.purchaseId() + " of " + recorded.storeId() + " on " + recorded.day()
                + ": " + recorded.amount().format() + " from " + recorded.supplier());
        return null;
    }
}
