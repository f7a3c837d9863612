package org.storelink.console.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.model.Store;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "store-list", description = "Lists the registered stores.")
public class StoreListCommand implements Action {

    @Option(name = "--region", description = "Only stores of this region")
    String region;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess access = RegionAccess.current();
        if (region != null) {
            access.checkRegion(region);
        }
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Name");
        table.column("Region");
        table.column("Area");
        table.column("Zone");
        table.column("Coordinates");
        for (Store store : stores.stores()) {
            if ((region != null && !region.equals(store.region())) || !access.mayAccessStore(store)) {
                continue;
            }
            table.addRow().addContent(store.id(), store.name(), store.region(), store.area().label(),
                    store.zone().getId(), store.coordinates() == null ? ""
                            : store.coordinates().latitude() + "," + store.coordinates().longitude());
        }
        table.print(System.out);
        return null;
    }
}
