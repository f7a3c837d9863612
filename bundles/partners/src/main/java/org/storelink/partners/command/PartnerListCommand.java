package org.storelink.partners.command;

import java.util.OptionalLong;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.partners.Partner;
import org.storelink.partners.internal.PartnerAdmin;
import org.storelink.stores.RegionAccess;

@Service
@Command(scope = "storelink", name = "partner-list",
        description = "Lists partner systems with their addresses and the messages waiting in them.")
public class PartnerListCommand implements Action {

    @Reference
    PartnerAdmin partners;

    @Override
    public Object execute() {
        RegionAccess.current().checkPlatformAdmin("storelink:partner-list");
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Kind");
        table.column("Name").maxSize(40);
        table.column("Created");
        table.column("In address");
        table.column("In msgs").alignRight();
        table.column("Out address");
        table.column("Out msgs").alignRight();
        for (PartnerAdmin.Status status : partners.list()) {
            Partner partner = status.partner();
            table.addRow().addContent(partner.id(), partner.kind().code(), partner.name().orElse(""),
                    partner.created(), partner.inAddress(), count(status.inMessages()), partner.outAddress(),
                    count(status.outMessages()));
        }
        table.print(System.out);
        return null;
    }

    private static String count(OptionalLong messages) {
        return messages.isPresent() ? Long.toString(messages.getAsLong()) : "missing";
    }
}
