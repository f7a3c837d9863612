package org.storelink.partners.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.partners.Partner;
import org.storelink.partners.internal.PartnerAdmin;
import org.storelink.stores.RegionAccess;

@Service
@Command(scope = "storelink", name = "partner-remove",
        description = "Removes a partner system: its broker user, connections, queues, addresses and registry entry.")
public class PartnerRemoveCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The partner's id")
    String id;

    @Option(name = "--force", description = "Remove even if its queues hold messages, deleting them")
    boolean force;

    @Reference
    PartnerAdmin partners;

    @Override
    public Object execute() throws Exception {
        RegionAccess.current().checkPlatformAdmin("storelink:partner-remove");
        Partner partner = partners.remove(id, force);
        System.out.println("Partner " + partner.id() + " removed: user, " + partner.inAddress() + " and "
                + partner.outAddress() + " are gone.");
        return null;
    }
}
