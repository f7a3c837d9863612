package org.storelink.console.command;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.stores.RegionAccess;

@Service
@Command(scope = "storelink", name = "admin-list",
        description = "Lists the console admins: platform admins and regional admins with their regions."
                + " Platform admins only.")
public class AdminListCommand implements Action {

    /** etc/users.properties unless a test says otherwise. */
    Path usersFile;

    static Path defaultUsersFile() {
        String etc = System.getProperty("karaf.etc");
        if (etc == null) {
            throw new IllegalStateException("karaf.etc is not set: not running in Karaf");
        }
        return Path.of(etc, "users.properties");
    }

    @Override
    public Object execute() {
        RegionAccess.current().checkPlatformAdmin("storelink:admin-list");
        ConsoleUsers users = new ConsoleUsers(usersFile != null ? usersFile : defaultUsersFile());
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Administers");
        table.column("Roles");
        table.emptyTableText("(no admins)");
        for (ConsoleUsers.User user : users.users()) {
            RegionAccess access = RegionAccess.of(user.name(), user.roles());
            if (!access.isPlatformAdmin() && access.regions().isEmpty()) {
                continue;
            }
            table.addRow().addContent(user.name(), access.isPlatformAdmin() ? "platform"
                    : (access.regions().size() == 1 ? "region " : "regions ") + String.join(", ", access.regions()),
                    user.roles().stream().collect(Collectors.joining(", ")));
        }
        table.print(System.out);
        return null;
    }
}
