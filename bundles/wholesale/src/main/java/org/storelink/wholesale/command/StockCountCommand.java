package org.storelink.wholesale.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.wholesale.StockCount;
import org.storelink.wholesale.WholesaleOrdering;

@Service
@Command(scope = "storelink", name = "stock-count", description = "Records a store's stock count.")
public class StockCountCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Argument(index = 1, name = "lines", required = true, multiValued = true, description = "GTIN=QUANTITY on the"
            + " shelf")
    List<String> lines;

    @Option(name = "--at", description = "When counted, ISO-8601 with offset; default now")
    String at;

    @Reference
    WholesaleOrdering wholesale;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        StockCount count = new StockCount(Lines.at(at, "--at"), Lines.parse(lines));
        wholesale.recordStockCount(store, count);
        out.println("Stock count of " + store + " at " + count.countedAt() + ": " + count.lines().size()
                + " product(s) recorded");
        return null;
    }
}
