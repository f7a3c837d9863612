package org.storelink.wholesale.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.wholesale.Delivery;
import org.storelink.wholesale.WholesaleOrdering;

@Service
@Command(scope = "storelink", name = "delivery-record", description = "Records goods a store received.")
public class DeliveryRecordCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Argument(index = 1, name = "lines", required = true, multiValued = true, description = "GTIN=QUANTITY"
            + " received")
    List<String> lines;

    @Option(name = "--order", description = "The platform order delivered; it is then marked received")
    String order;

    @Option(name = "--at", description = "When received, ISO-8601 with offset; default now")
    String at;

    @Reference
    WholesaleOrdering wholesale;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        Delivery delivery = new Delivery(Lines.at(at, "--at"), Optional.ofNullable(order), Lines.parse(lines));
        wholesale.recordDelivery(store, delivery);
        out.println("Delivery to " + store + " recorded: " + delivery.lines().size() + " product(s)"
                + (order == null ? "" : ", order " + order + " received"));
        return null;
    }
}
