package org.storelink.wholesale.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.wholesale.CutoffResult;
import org.storelink.wholesale.PurchaseOrderSummary;
import org.storelink.wholesale.WholesaleOrdering;

@Service
@Command(scope = "storelink", name = "cutoff",
        description = "Runs the cut-off now: confirmed store orders into purchase orders per supplier and region,"
                + " sent in each supplier's format; unsent purchase orders are sent again.")
public class CutoffCommand implements Action {

    @Reference
    WholesaleOrdering wholesale;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        CutoffResult result = wholesale.cutoff();
        out.println("Cut-off at " + result.at().toOffsetDateTime() + ": " + result.storeOrders()
                + " store order(s), " + result.purchaseOrders().size() + " purchase order(s) sent or retried");
        ShellTable table = new ShellTable();
        table.column("Purchase order");
        table.column("Supplier");
        table.column("Region");
        table.column("Format");
        table.column("Lines").alignRight();
        table.column("Total").alignRight();
        table.column("Status");
        table.column("Problem");
        for (PurchaseOrderSummary po : result.purchaseOrders()) {
            table.addRow().addContent(po.purchaseOrderId(), po.supplierId(), po.regionId(), po.format(), po.lines(),
                    po.total().format(), po.status(), po.problem() == null ? "" : po.problem());
        }
        table.print(out);
        return null;
    }
}
