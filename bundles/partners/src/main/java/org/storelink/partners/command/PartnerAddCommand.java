package org.storelink.partners.command;

import java.io.PrintStream;

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
@Command(scope = "storelink", name = "partner-add",
        description = "Registers a partner system with its own broker user and addresses partner.<id>.in and"
                + " partner.<id>.out; prints its generated password once.")
public class PartnerAddCommand implements Action {

    @Argument(index = 0, name = "id", required = true,
            description = "The partner's id and broker user: 2-40 characters a-z, 0-9 and '-'")
    String id;

    @Option(name = "--kind", required = true, description = "brand, wholesaler or fleet")
    String kind;

    @Option(name = "--name", description = "A display name")
    String name;

    @Reference
    PartnerAdmin partners;

    @Override
    public Object execute() throws Exception {
        RegionAccess.current().checkPlatformAdmin("storelink:partner-add");
        PartnerAdmin.Created created = partners.add(id, kind, name);
        Partner partner = created.partner();
        PrintStream out = System.out;
        out.println("Partner " + partner.id() + " (" + partner.kind().code()
                + partner.name().map(text -> ", " + text).orElse("") + ") added.");
        out.println("user: " + partner.principal() + "   roles: " + Partner.ROLE + ", " + partner.role());
        out.println("sends to: " + partner.inAddress() + "   receives from: " + partner.outAddress());
        out.println("password: " + created.password());
        out.println("The password is shown only this once; storelink keeps only its hash.");
        return null;
    }
}
