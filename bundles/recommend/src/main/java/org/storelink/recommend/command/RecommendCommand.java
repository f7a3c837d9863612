package org.storelink.recommend.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.recommend.AssortmentRecommendation;
import org.storelink.recommend.Recommendations;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "recommend",
        description = "Products that sell well in similar stores of the store's region and that it does not carry.")
public class RecommendCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--top", description = "How many products; the region's configured top when omitted")
    int top;

    @Reference
    Recommendations recommendations;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess.current().checkStore(stores, store);
        if (top < 0) {
            throw new IllegalArgumentException("--top: " + top + " is negative");
        }
        List<AssortmentRecommendation> found = recommendations.recommend(store, top);
        System.out.println("Store: " + store + "   Recommended products: " + found.size());
        if (found.isEmpty()) {
            System.out.println("No product sold by enough similar stores is missing here.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("GTIN");
        table.column("Product");
        table.column("Units/week").alignRight();
        table.column("Stores").alignRight();
        table.column("Reason");
        int rank = 0;
        for (AssortmentRecommendation recommendation : found) {
            table.addRow().addContent(++rank, recommendation.gtin(),
                    recommendation.name() == null ? "" : recommendation.name(),
                    String.format(Locale.ROOT, "%.1f", recommendation.score()),
                    recommendation.carryingStores() + "/" + recommendation.similarStores(), recommendation.reason());
        }
        table.print(System.out);
        return null;
    }
}
