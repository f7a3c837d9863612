package org.storelink.console.command;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.stores.RegionAccess;

@Service
@Command(scope = "storelink", name = "admin-remove",
        description = "Removes a regional admin added with storelink:admin-add. Platform admins only.")
public class AdminRemoveCommand implements Action {

    @Argument(index = 0, name = "USER", required = true, description = "The regional admin's user name")
    String user;

    /** etc/users.properties unless a test says otherwise. */
    Path usersFile;

    @Override
    public Object execute() {
        RegionAccess.current().checkPlatformAdmin("storelink:admin-remove");
        ConsoleUsers users = new ConsoleUsers(usersFile != null ? usersFile : AdminListCommand.defaultUsersFile());
        ConsoleUsers.User found = users.users().stream().filter(u -> u.name().equals(user)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("USER: '" + user + "' is not a user"));
        // Only what admin-add creates: never the platform admin, the broker's service user or a partner.
        if (!found.ownRoles().contains(RegionAccess.REGION_ADMIN_ROLE)
                || found.roles().contains(RegionAccess.PLATFORM_ADMIN_ROLE)) {
            throw new IllegalArgumentException("USER: '" + user + "' is not a regional admin; storelink:admin-remove"
                    + " removes only users added with storelink:admin-add");
        }
        users.remove(user);
        RegionAccess access = RegionAccess.of(user, found.roles());
        System.out.println("Regional admin " + user + " removed (region " + String.join(", ", access.regions())
                + "). Sessions already open keep their roles until they end.");
        return null;
    }
}
