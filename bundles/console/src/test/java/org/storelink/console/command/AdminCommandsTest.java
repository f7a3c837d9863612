package org.storelink.console.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.console.command.Shell.EAST_ADMIN;
import static org.storelink.console.command.Shell.PLATFORM_ADMIN;
import static org.storelink.console.command.Shell.STORES;
import static org.storelink.console.command.Shell.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandsTest {
    private static final String USERS = """
            # the operator's comment stays
            _g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh
            admin = {CRYPT}AB12{CRYPT},_g_:admingroup
            storelink-service = {CRYPT}CD34{CRYPT},storelink-service
            """;

    @TempDir
    Path etc;
    Path users;

    @BeforeEach
    void usersFile() throws Exception {
        users = etc.resolve("users.properties");
        Files.writeString(users, USERS);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
    }

    private AdminAddCommand add(String user, String... options) {
        AdminAddCommand command = new AdminAddCommand();
        command.user = user;
        command.trailing = List.of(options);
        command.stores = STORES;
        command.usersFile = users;
        return command;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void addsARegionalAdminWithOnlyTheHashOfAGeneratedPassword() throws Exception {
        String out = run(PLATFORM_ADMIN, add("carol", "--region", "east"));

        assertThat(out).contains("Regional admin carol added for region east (East China).")
                .contains("roles: ssh, region-admin, region-east");
        Matcher password = Pattern.compile("(?m)^password: (\\S+)$").matcher(out);
        assertThat(password.find()).isTrue();
        assertThat(password.group(1)).hasSizeGreaterThanOrEqualTo(32).doesNotContain(",");
        String file = Files.readString(users);
        assertThat(file).startsWith(USERS)
                .endsWith("carol = {CRYPT}" + sha256(password.group(1))
                        + "{CRYPT},ssh,region-admin,region-east\n")
                .doesNotContain(password.group(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");

        String second = run(PLATFORM_ADMIN, add("dave", "--region", "north"));
        assertThat(second).isNotEqualTo(out).contains("password: ");
    }

    @Test
    void validatesTheUserAndTheRegion() {
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("Carol", "--region", "east")))
                .withMessageStartingWith("USER: 'Carol' is not 2-32 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("c", "--region", "east")))
                .withMessageStartingWith("USER: 'c'");
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("_g_:x", "--region", "east")))
                .withMessageStartingWith("USER: '_g_:x'");
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("carol")))
                .withMessage("--region: is required");
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("carol", "--region")))
                .withMessage("--region: a value is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("carol", "--region", "west")))
                .withMessage("--region: 'west' is not a region of the store registry (regions: east, north)");
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("carol", "east")))
                .withMessageStartingWith("east: unexpected");
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, add("admin", "--region", "east")))
                .withMessageStartingWith("USER: 'admin' is already a user of Karaf's realm");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> run(PLATFORM_ADMIN, add("storelink-service", "--region", "east")))
                .withMessageContaining("already a user");
    }

    @Test
    void theRegionMayComeBeforeTheUserToo() throws Exception {
        AdminAddCommand command = add("carol");
        command.region = "north";

        assertThat(run(PLATFORM_ADMIN, command)).contains("roles: ssh, region-admin, region-north");
    }

    @Test
    void onlyAPlatformAdminManagesAdmins() throws Exception {
        assertThatThrownBy(() -> run(EAST_ADMIN, add("mallory", "--region", "east")))
                .isInstanceOf(SecurityException.class)
                .hasMessage("user carol administers region east only; storelink:admin-add is for platform admins only");
        AdminListCommand list = new AdminListCommand();
        list.usersFile = users;
        assertThatThrownBy(() -> run(EAST_ADMIN, list)).isInstanceOf(SecurityException.class);
        AdminRemoveCommand remove = new AdminRemoveCommand();
        remove.user = "admin";
        remove.usersFile = users;
        assertThatThrownBy(() -> run(EAST_ADMIN, remove)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> run(Shell.subject("nobody"), list)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("user nobody administers no region");
        assertThat(Files.readString(users)).isEqualTo(USERS);
    }

    @Test
    void listsPlatformAndRegionalAdmins() throws Exception {
        run(PLATFORM_ADMIN, add("carol", "--region", "east"));
        AdminListCommand list = new AdminListCommand();
        list.usersFile = users;

        String out = run(PLATFORM_ADMIN, list);

        assertThat(out).containsPattern("admin +\\| platform +\\| admin, manager, viewer, systembundles, ssh")
                .containsPattern("carol +\\| region east +\\| ssh, region-admin, region-east")
                .doesNotContain("storelink-service").doesNotContain("admingroup");
    }

    @Test
    void removesOnlyRegionalAdmins() throws Exception {
        run(PLATFORM_ADMIN, add("carol", "--region", "east"));
        AdminRemoveCommand remove = new AdminRemoveCommand();
        remove.usersFile = users;

        remove.user = "admin";
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, remove))
                .withMessageStartingWith("USER: 'admin' is not a regional admin");
        remove.user = "storelink-service";
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, remove))
                .withMessageStartingWith("USER: 'storelink-service' is not a regional admin");
        remove.user = "zed";
        assertThatIllegalArgumentException().isThrownBy(() -> run(PLATFORM_ADMIN, remove))
                .withMessage("USER: 'zed' is not a user");

        remove.user = "carol";
        assertThat(run(PLATFORM_ADMIN, remove)).startsWith("Regional admin carol removed (region east).");
        assertThat(Files.readString(users)).isEqualTo(USERS);
    }
}
