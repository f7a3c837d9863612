package org.storelink.payments.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.model.Money;
import org.storelink.model.Payment;
import org.storelink.payments.PaymentQueries;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "payments",
        description = "The payments of a store on one business day, as their providers last reported them.")
public class PaymentsCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--day", description = "Business day YYYY-MM-DD in the store's own time zone; today when omitted")
    String day;

    @Reference
    PaymentQueries payments;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess.current().checkStore(stores, store);
        var found = stores.store(store).orElseThrow(() -> new IllegalArgumentException(
                "store: \"" + store + "\" is not a registered store"));
        LocalDate businessDay = day == null ? LocalDate.now(found.zone()) : parseDay(day);
        List<Payment> list = payments.payments(store, businessDay);
        System.out.println("Store: " + store + "   Business day: " + businessDay + "   Payments: " + list.size());
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("Payment");
        table.column("Order no.");
        table.column("Status");
        table.column("Amount").alignRight();
        table.column("Refunded").alignRight();
        table.column("Net").alignRight();
        table.column("Payer");
        table.column("Age");
        for (Payment payment : list) {
            table.addRow().addContent(payment.occurredAt().atZoneSameInstant(found.zone()).toLocalTime(),
                    payment.paymentId(), payment.merchantOrderNo() == null ? "" : payment.merchantOrderNo(),
                    payment.status().label(), new Money(payment.amount(), payment.currency()).format(),
                    new Money(payment.refunded(), payment.currency()).format(), payment.netMoney().format(),
                    payment.payerRef() == null ? "" : shortRef(payment.payerRef()),
                    payment.ageBand() == null ? "" : payment.ageBand().label());
        }
        table.print(System.out);
        return null;
    }

    /** Enough of the pseudonym to tell payers apart on screen. */
    private static String shortRef(String payerRef) {
        return payerRef.length() <= 20 ? payerRef : payerRef.substring(0, 20) + "…";
    }

    private static LocalDate parseDay(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day: \"" + day + "\" is not a date YYYY-MM-DD");
        }
    }
}
