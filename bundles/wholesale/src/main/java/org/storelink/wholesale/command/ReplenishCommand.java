package org.storelink.wholesale.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.wholesale.Replenishment;
import org.storelink.wholesale.ReplenishmentLine;
import org.storelink.wholesale.WholesaleOrdering;

@Service
@Command(scope = "storelink", name = "replenish",
        description = "Replenishment suggestions of a store: reorder point, target, stock and what to order.")
public class ReplenishCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Reference
    WholesaleOrdering wholesale;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        Replenishment r = wholesale.replenishment(store).orElseThrow(() ->
                new IllegalArgumentException("store: no store '" + store + "' is registered"));
        out.println("Store: " + r.storeId() + "   History: " + r.historyFrom() + " .. " + r.historyTo()
                + "   Service level: " + r.serviceLevel().toPlainString() + " (z " + r.z().toPlainString()
                + ")   Review period: " + r.reviewPeriodDays() + " days");
        ShellTable table = new ShellTable();
        table.column("GTIN");
        table.column("Product");
        table.column("Supplier");
        table.column("Pack").alignRight();
        table.column("Lead").alignRight();
        table.column("Mean/day").alignRight();
        table.column("Sigma").alignRight();
        table.column("Reorder pt").alignRight();
        table.column("Target").alignRight();
        table.column("On hand").alignRight();
        table.column("On order").alignRight();
        table.column("Order").alignRight();
        table.column("Unit price").alignRight();
        for (ReplenishmentLine line : r.lines()) {
            table.addRow().addContent(line.gtin().value(), line.name(), line.supplierId(), line.packSize(),
                    line.leadTimeDays() + "d", line.meanDaily().toPlainString(), line.sigmaDaily().toPlainString(),
                    line.reorderPoint().toPlainString(), line.target().toPlainString(),
                    line.onHand().toPlainString() + (line.counted() ? "" : "*"), line.onOrder().toPlainString(),
                    line.suggestedQuantity() == 0 ? "-" : line.suggestedQuantity() + " (" + line.packs() + " pk)",
                    line.unitPrice().format());
        }
        table.print(out);
        if (r.lines().stream().anyMatch(line -> !line.counted())) {
            out.println("* never counted: deliveries less sales since the store joined");
        }
        if (!r.notOffered().isEmpty()) {
            out.println("Sold but offered by no supplier of the region: " + r.notOffered().size() + " product(s)");
        }
        out.println("Confirm with: storelink:order-confirm " + r.storeId() + "   (" + r.suggested().size()
                + " line(s) to order)");
        return null;
    }
}
