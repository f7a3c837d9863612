package org.storelink.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerUsersTest {
    private static final String SERVICE_USER = "storelink-service";
    private static final String ADMIN_FROM_ENV = "Adm1n-from-env!";

    @TempDir
    Path root;
    private Path etc;
    private Path data;
    private Path usersProperties;

    @BeforeEach
    void folders() throws Exception {
        etc = Files.createDirectories(root.resolve("etc"));
        data = Files.createDirectories(root.resolve("data"));
        usersProperties = etc.resolve("users.properties");
    }

    /** Karaf's {@code basic} encryption as configured: SHA-256, uppercase hex, {CRYPT} on both sides. */
    private static String crypt(String password) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        return "{CRYPT}" + HexFormat.of().withUpperCase().formatHex(digest) + "{CRYPT}";
    }

    private BrokerUsers start(String adminFromEnv, String serviceFromEnv) {
        return new BrokerUsers(SERVICE_USER, etc, data, adminFromEnv, serviceFromEnv);
    }

    private List<String> users() throws Exception {
        return Files.readAllLines(usersProperties, StandardCharsets.UTF_8);
    }

    private List<String> linesOf(String user) throws Exception {
        return users().stream().filter(line -> line.startsWith(user + " ")).toList();
    }

    private static String ownerOnly() {
        return "rw-------";
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void firstStartCreatesAdminWithTheHashOfThePasswordFromTheEnvironment() throws Exception {
        start(ADMIN_FROM_ENV, null);

        assertThat(users()).contains("admin = " + crypt(ADMIN_FROM_ENV) + ",_g_:admingroup");
        assertThat(Files.readString(usersProperties)).doesNotContain(ADMIN_FROM_ENV);
        assertThat(data.resolve("storelink-admin-password")).doesNotExist();
    }

    @Test
    void firstStartWithoutEnvironmentGeneratesAnAdminPasswordKeptOwnerOnly() throws Exception {
        start(null, null);

        Path file = data.resolve("storelink-admin-password");
        assertThat(file).exists();
        assertThat(permissions(file)).isEqualTo(ownerOnly());
        String generated = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(generated).isNotBlank().doesNotContain(",");
        assertThat(users()).contains("admin = " + crypt(generated) + ",_g_:admingroup");
        assertThat(Files.readString(usersProperties)).doesNotContain(generated);
    }

    @Test
    void blankAdminPasswordInTheEnvironmentCountsAsUnset() throws Exception {
        start("   ", null);

        Path file = data.resolve("storelink-admin-password");
        assertThat(file).exists();
        String generated = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(users()).contains("admin = " + crypt(generated) + ",_g_:admingroup");
    }

    @Test
    void serviceUserGetsAGeneratedPasswordKeptOwnerOnlyAndHashedInUsersProperties() throws Exception {
        BrokerUsers users = start(ADMIN_FROM_ENV, null);

        Path file = data.resolve("storelink-broker-password");
        assertThat(permissions(file)).isEqualTo(ownerOnly());
        assertThat(users.serviceUser()).isEqualTo(SERVICE_USER);
        assertThat(users.servicePassword()).isNotBlank();
        assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(users.servicePassword());
        assertThat(linesOf(SERVICE_USER))
                .containsExactly(SERVICE_USER + " = " + crypt(users.servicePassword()) + ",storelink-service");
        assertThat(Files.readString(usersProperties)).doesNotContain(users.servicePassword());
    }

    @Test
    void servicePasswordFromTheEnvironmentIsUsedAndKept() throws Exception {
        BrokerUsers users = start(ADMIN_FROM_ENV, "Serv1ce-from-env");

        assertThat(users.servicePassword()).isEqualTo("Serv1ce-from-env");
        assertThat(Files.readString(data.resolve("storelink-broker-password")).strip())
                .isEqualTo("Serv1ce-from-env");
        assertThat(linesOf(SERVICE_USER))
                .containsExactly(SERVICE_USER + " = " + crypt("Serv1ce-from-env") + ",storelink-service");
    }

    @Test
    void secondStartKeepsTheServicePasswordAndLeavesUsersPropertiesAlone() throws Exception {
        String first = start(null, null).servicePassword();
        List<String> afterFirst = users();
        String adminPassword = Files.readString(data.resolve("storelink-admin-password"));

        // even with other passwords in the environment now
        BrokerUsers second = start("a-new-admin-password", "a-new-service-password");

        assertThat(second.servicePassword()).isEqualTo(first);
        assertThat(users()).isEqualTo(afterFirst);
        assertThat(linesOf("admin")).containsExactlyElementsOf(
                afterFirst.stream().filter(line -> line.startsWith("admin ")).toList());
        assertThat(Files.readString(data.resolve("storelink-admin-password"))).isEqualTo(adminPassword);
    }

    @Test
    void existingCommentsAndOtherUsersAreKept() throws Exception {
        List<String> existing = List.of(
                "#",
                "# Operator's notes: do not remove",
                "#",
                "# admin = admin,_g_:admingroup",
                "karaf = {CRYPT}0123ABCD{CRYPT},_g_:admingroup",
                "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
                "",
                "auditor = {CRYPT}FEDC3210{CRYPT},viewer");
        Files.write(usersProperties, existing, StandardCharsets.UTF_8);

        BrokerUsers users = start(ADMIN_FROM_ENV, null);

        List<String> after = users();
        assertThat(after.subList(0, existing.size())).isEqualTo(existing);
        assertThat(after.subList(existing.size(), after.size())).containsExactly(
                "admin = " + crypt(ADMIN_FROM_ENV) + ",_g_:admingroup",
                SERVICE_USER + " = " + crypt(users.servicePassword()) + ",storelink-service");
    }

    @Test
    void existingAdminIsNotTouched() throws Exception {
        String operatorsAdmin = "admin = {CRYPT}" + "AB".repeat(32) + "{CRYPT},_g_:admingroup";
        Files.write(usersProperties, List.of("# mine", operatorsAdmin), StandardCharsets.UTF_8);

        start(ADMIN_FROM_ENV, null);

        assertThat(linesOf("admin")).containsExactly(operatorsAdmin);
        assertThat(data.resolve("storelink-admin-password")).doesNotExist();
    }

    @Test
    void lostServicePasswordFileGivesANewPasswordReplacingTheUserLine() throws Exception {
        String first = start(ADMIN_FROM_ENV, null).servicePassword();
        Files.delete(data.resolve("storelink-broker-password"));
        int linesBefore = users().size();

        BrokerUsers second = start(ADMIN_FROM_ENV, null);

        assertThat(second.servicePassword()).isNotBlank().isNotEqualTo(first);
        Path file = data.resolve("storelink-broker-password");
        assertThat(permissions(file)).isEqualTo(ownerOnly());
        assertThat(Files.readString(file).strip()).isEqualTo(second.servicePassword());
        assertThat(linesOf(SERVICE_USER))
                .containsExactly(SERVICE_USER + " = " + crypt(second.servicePassword()) + ",storelink-service");
        assertThat(users()).hasSize(linesBefore);
    }

    @Test
    void passwordFileWithoutTheUserGivesANewPasswordAndAddsTheUser() throws Exception {
        Secrets.writeOwnerOnly(data.resolve("storelink-broker-password"), "left-over-from-another-install");
        Files.write(usersProperties, List.of("admin = {CRYPT}" + "CD".repeat(32) + "{CRYPT},_g_:admingroup"),
                StandardCharsets.UTF_8);

        BrokerUsers users = start(null, null);

        assertThat(users.servicePassword()).isNotEqualTo("left-over-from-another-install");
        assertThat(Files.readString(data.resolve("storelink-broker-password")).strip())
                .isEqualTo(users.servicePassword());
        assertThat(linesOf(SERVICE_USER))
                .containsExactly(SERVICE_USER + " = " + crypt(users.servicePassword()) + ",storelink-service");
    }
}
