package org.storelink.wholesale.command;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.model.Money;
import org.storelink.wholesale.StoreOrder;
import org.storelink.wholesale.WholesaleOrdering;

@Service
@Command(scope = "storelink", name = "order-confirm",
        description = "Confirms a store's order: the listed GTIN=QTY lines (rounded up to packs), or the current"
                + " suggestion as it is.")
public class OrderConfirmCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Argument(index = 1, name = "lines", multiValued = true, description = "GTIN=QUANTITY in units; none: the"
            + " suggestion")
    List<String> lines;

    @Reference
    WholesaleOrdering wholesale;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        StoreOrder order = wholesale.confirmOrder(store, Lines.parse(lines));
        out.println("Order " + order.orderId() + " confirmed for " + order.storeId() + " at "
                + order.confirmedAt().toOffsetDateTime() + ": " + order.lines().size() + " line(s), "
                + order.value().stream().map(Money::format).collect(Collectors.joining(", ")));
        OrdersCommand.print(List.of(order), out);
        return null;
    }
}
