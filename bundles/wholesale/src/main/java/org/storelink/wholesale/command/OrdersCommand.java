package org.storelink.wholesale.command;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.model.Money;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.StoreOrderLine;
import org.storelink.wholesale.WholesaleOrdering;

@Service
@Command(scope = "storelink", name = "orders",
        description = "A store's wholesale orders with each line's answer from the supplier.")
public class OrdersCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--limit", description = "How many of the newest orders")
    int limit = 10;

    @Reference
    WholesaleOrdering wholesale;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        List<StoreOrder> orders = wholesale.orders(store, limit);
        if (orders.isEmpty()) {
            out.println("No orders for " + store);
            return null;
        }
        print(orders, out);
        return null;
    }

    static void print(List<StoreOrder> orders, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Order");
        table.column("Status");
        table.column("Confirmed");
        table.column("GTIN");
        table.column("Product");
        table.column("Supplier");
        table.column("Ordered").alignRight();
        table.column("Allocated").alignRight();
        table.column("Unit price").alignRight();
        table.column("Line");
        table.column("Delivery");
        table.column("PO");
        for (StoreOrder order : orders) {
            boolean first = true;
            for (StoreOrderLine line : order.lines()) {
                table.addRow().addContent(first ? order.orderId() : "", first ? order.status().code() : "",
                        first ? order.confirmedAt().toOffsetDateTime().toString() : "", line.gtin().value(),
                        line.name(), line.supplierId(), line.quantity(),
                        line.allocatedQuantity() == null ? "-" : line.allocatedQuantity(), line.unitPrice().format(),
                        line.status().code(), line.deliveryDate() == null ? "" : line.deliveryDate(),
                        line.purchaseOrderId() == null ? "" : line.purchaseOrderId());
                first = false;
            }
        }
        table.print(out);
        for (StoreOrder order : orders) {
            out.println(order.orderId() + " value: " + order.value().stream().map(Money::format)
                    .collect(Collectors.joining(", ")));
        }
    }
}
