package org.storelink.promotions.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.Promotions;

@Service
@Command(scope = "storelink", name = "promotions",
        description = "The brand promotions a store may offer now: in validity, budget left, the store eligible.")
public class PromotionsCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Reference
    Promotions promotions;

    @Override
    public Object execute() {
        List<ActivePromotion> active = promotions.activeFor(store)
                .orElseThrow(() -> new IllegalArgumentException("Unknown store \"" + store + "\""));
        print(store, active, System.out);
        return null;
    }

    static void print(String store, List<ActivePromotion> active, PrintStream out) {
        out.println("Store: " + store + "   Active promotions: " + active.size());
        ShellTable table = new ShellTable();
        table.column("Promotion code");
        table.column("Brand");
        table.column("Name");
        table.column("Offer");
        table.column("Products");
        table.column("Valid from");
        table.column("Valid to");
        table.emptyTableText("(none)");
        for (ActivePromotion promotion : active) {
            table.addRow().addContent(promotion.promotionId(), promotion.brand(), promotion.name(),
                    promotion.mechanics().describe(), String.join(" ", promotion.gtins()),
                    promotion.validFrom().toString(), promotion.validTo().toString());
        }
        table.print(out);
    }
}
