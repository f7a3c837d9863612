package org.storelink.recommend.command;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.model.Money;
import org.storelink.recommend.PriceSuggestion;
import org.storelink.recommend.Recommendations;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "price-suggest",
        description = "Price bands in similar stores of the region and a suggested price, per product of the store.")
public class PriceSuggestCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Argument(index = 1, name = "gtin", required = false, description = "One product; all the store sells if omitted")
    String gtin;

    @Reference
    Recommendations recommendations;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess.current().checkStore(stores, store);
        List<PriceSuggestion> suggestions = recommendations.suggestPrices(store, Optional.ofNullable(gtin));
        System.out.println("Store: " + store + "   Products: " + suggestions.size());
        if (suggestions.isEmpty()) {
            System.out.println("The store sold nothing in the last weeks; name a GTIN to price a new product.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("GTIN");
        table.column("Product");
        table.column("Current").alignRight();
        table.column("P25").alignRight();
        table.column("Median").alignRight();
        table.column("P75").alignRight();
        table.column("Suggested").alignRight();
        table.column("Flag");
        table.column("Elasticity");
        for (PriceSuggestion suggestion : suggestions) {
            boolean band = suggestion.band() != null;
            table.addRow().addContent(suggestion.gtin(), suggestion.name() == null ? "" : suggestion.name(),
                    format(suggestion.currentPrice()), band ? format(suggestion.band().p25()) : "-",
                    band ? format(suggestion.band().median()) : "-", band ? format(suggestion.band().p75()) : "-",
                    format(suggestion.suggested()), suggestion.outsideBand() ? "OUTSIDE BAND" : "",
                    suggestion.elasticity() == null ? "" : suggestion.elasticity().toString());
        }
        table.print(System.out);
        System.out.println("Reasons:");
        for (PriceSuggestion suggestion : suggestions) {
            System.out.println("  " + suggestion.gtin() + ": " + suggestion.reason());
        }
        return null;
    }

    private static String format(Money money) {
        return money == null ? "-" : money.format();
    }
}
