package org.storelink.console.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.model.Region;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "admin-add",
        description = "Adds a regional admin: a console user who sees and changes only the stores and modules of one"
                + " region. Prints its generated password once. Platform admins only.")
public class AdminAddCommand implements Action {
    static final Pattern USER = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    @Argument(index = 0, name = "USER", required = true,
            description = "The user name: 2-32 characters a-z, 0-9, '.', '_' and '-', starting with a letter")
    String user;

    /** Karaf's shell reads options only before the first argument; the documented form puts --region after USER. */
    @Argument(index = 1, name = "OPTIONS", description = "--region R", multiValued = true)
    List<String> trailing = List.of();

    @Option(name = "--region", description = "The region the user administers (required), see storelink:store-list")
    String region;

    @Reference
    StoreRegistry stores;

    /** etc/users.properties unless a test says otherwise. */
    Path usersFile;

    @Override
    public Object execute() {
        RegionAccess.current().checkPlatformAdmin("storelink:admin-add");
        readTrailingOptions();
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("USER: '" + user + "' is not 2-32 characters a-z, 0-9, '.', '_' and"
                    + " '-' starting with a letter");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("--region: is required");
        }
        Region found = stores.regions().stream().filter(r -> r.id().equals(region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--region: '" + region + "' is not a region of the"
                        + " store registry (regions: " + String.join(", ", stores.regions().stream()
                                .map(Region::id).toList()) + ")"));
        if (RegionAccess.REGION_ADMIN_ROLE.equals(RegionAccess.REGION_ROLE_PREFIX + region)) {
            throw new IllegalArgumentException("--region: '" + region + "' cannot be administered by region: its role"
                    + " would be " + RegionAccess.REGION_ADMIN_ROLE);
        }
        ConsoleUsers users = new ConsoleUsers(usersFile != null ? usersFile : AdminListCommand.defaultUsersFile());
        List<String> roles = roles(region);
        String password = ConsoleUsers.generatePassword();
        users.add(user, password, roles);
        PrintStream out = System.out;
        out.println("Regional admin " + user + " added for region " + region
                + (found.name() == null || found.name().equals(region) ? "" : " (" + found.name() + ")") + ".");
        out.println("roles: " + String.join(", ", roles));
        out.println("password: " + password);
        out.println("The password is shown only this once; " + users.file().getFileName()
                + " keeps only its SHA-256 hash. Log in with: ssh -p 8101 " + user + "@localhost");
        return null;
    }

    /**
     * ssh to log in (etc/org.apache.karaf.shell.cfg sshRole), region-admin for the storelink command ACL, region-R
     * for R. Not viewer: the shell does not need it, and Karaf's JMX ACL lets a viewer read every MBean, the
     * broker's messages of all regions included.
     */
    static List<String> roles(String region) {
        return List.of("ssh", RegionAccess.REGION_ADMIN_ROLE, RegionAccess.REGION_ROLE_PREFIX + region);
    }

    private void readTrailingOptions() {
        for (int i = 0; i < trailing.size(); i++) {
            String token = trailing.get(i);
            if (!token.equals("--region")) {
                throw new IllegalArgumentException(token + ": unexpected (use: storelink:admin-add USER --region R)");
            }
            if (i + 1 >= trailing.size()) {
                throw new IllegalArgumentException("--region: a value is missing");
            }
            region = trailing.get(++i);
        }
    }
}
