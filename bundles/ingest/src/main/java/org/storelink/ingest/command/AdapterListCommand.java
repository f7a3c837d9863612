package org.storelink.ingest.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.ingest.FeedStatus;
import org.storelink.ingest.FeedStatusService;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "adapter-list",
        description = "Lists each POS adapter and store feed: ONLINE/OFFLINE with the reason, last received, counts.")
public class AdapterListCommand implements Action {

    @Reference
    FeedStatusService feeds;

    @Reference
    StoreRegistry stores;

    @Override
    public Object execute() {
        RegionAccess access = RegionAccess.current();
        ShellTable table = new ShellTable();
        table.column("Adapter");
        table.column("Store");
        table.column("Feed").maxSize(60);
        table.column("State");
        table.column("Reason").maxSize(60);
        table.column("Last received");
        table.column("Accepted").alignRight();
        table.column("Rejected").alignRight();
        for (FeedStatus feed : feeds.feeds()) {
            // a regional admin sees the feeds of its stores and those open to any store ("*")
            if (!access.isPlatformAdmin() && !"*".equals(feed.store())
                    && !stores.store(feed.store()).map(access::mayAccessStore).orElse(false)) {
                continue;
            }
            table.addRow().addContent(feed.adapter(), feed.store(), feed.feed(),
                    feed.online() ? "ONLINE" : "OFFLINE", feed.reason(),
                    feed.lastReceived() == null ? "never" : feed.lastReceived().toString(),
                    feed.accepted(), feed.rejected());
        }
        table.print(System.out);
        return null;
    }
}
