package org.storelink.delivery.command;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.delivery.DayCounts;
import org.storelink.delivery.Deliveries;
import org.storelink.delivery.DeliveryDay;
import org.storelink.delivery.DeliveryView;

@Service
@Command(scope = "storelink", name = "deliveries",
        description = "A store's deliveries whose promised window starts on the day (in the store's zone): status,"
                + " times, late flag, and the day's counts.")
public class DeliveriesCommand implements Action {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--day", description = "The day, YYYY-MM-DD (default: today in the store's zone)")
    String day;

    @Reference
    Deliveries deliveries;

    @Override
    public Object execute() {
        LocalDate date = null;
        if (day != null) {
            try {
                date = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--day: \"" + day + "\" is not a date YYYY-MM-DD");
            }
        }
        DeliveryDay found = deliveries.day(store, date)
                .orElseThrow(() -> new IllegalArgumentException("Unknown store \"" + store + "\""));
        print(found, System.out);
        return null;
    }

    static void print(DeliveryDay day, PrintStream out) {
        out.println("Store: " + day.storeId() + "   Day: " + day.day() + " (" + day.zone().getId() + ")");
        ShellTable table = new ShellTable();
        table.column("Delivery");
        table.column("Order");
        table.column("Fleet");
        table.column("Status");
        table.column("Window");
        table.column("Status at");
        table.column("Rider");
        table.column("Sent");
        table.column("Late");
        table.emptyTableText("(no deliveries)");
        for (DeliveryView delivery : day.deliveries()) {
            table.addRow().addContent(delivery.deliveryId(), delivery.orderRef(), delivery.fleet(),
                    delivery.status().code() + (delivery.reason() == null ? "" : " (" + delivery.reason() + ")"),
                    time(delivery.windowFrom(), day.day()) + "-" + time(delivery.windowTo(), day.day()),
                    time(delivery.statusAt(), day.day()), delivery.rider() == null ? "" : delivery.rider(),
                    delivery.dispatchedAt() == null ? "waiting" : "yes", delivery.late() ? "LATE" : "");
        }
        table.print(out);
        DayCounts counts = day.counts();
        out.println("Total: " + counts.total() + "   Delivered: " + counts.delivered() + "   On time: "
                + counts.onTime() + "   Late: " + counts.late() + "   Failed: " + counts.failed() + "   Open: "
                + counts.open());
    }

    /** HH:mm on the day itself, MM-dd HH:mm on another. */
    private static String time(OffsetDateTime time, LocalDate day) {
        if (time == null) {
            return "";
        }
        return time.toLocalDate().equals(day) ? TIME.format(time) : DAY_TIME.format(time);
    }
}
