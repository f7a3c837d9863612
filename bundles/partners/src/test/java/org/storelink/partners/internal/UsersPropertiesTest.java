package org.storelink.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersPropertiesTest {
    private static final List<String> EXISTING = List.of(
            "# operator's notes",
            "admin = {CRYPT}" + "AB".repeat(32) + "{CRYPT},_g_:admingroup",
            "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
            "",
            "storelink-service = {CRYPT}" + "CD".repeat(32) + "{CRYPT},storelink-service");

    @TempDir
    Path etc;

    private Path file() {
        return etc.resolve("users.properties");
    }

    @Test
    void hashIsKarafsBasicSha256UppercaseHexBetweenCryptMarkers() {
        // SHA-256("abc"), the FIPS 180-2 example
        assertThat(UsersProperties.hash("abc")).isEqualTo(
                "{CRYPT}BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD{CRYPT}");
    }

    @Test
    void addsAUserWithItsHashAndRolesKeepingEveryOtherLine() throws Exception {
        Files.write(file(), EXISTING, StandardCharsets.UTF_8);
        UsersProperties users = new UsersProperties(file());

        users.add("acme", "s3cret-Password", List.of("partner", "partner-acme"));

        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        assertThat(lines.subList(0, EXISTING.size())).isEqualTo(EXISTING);
        assertThat(lines.subList(EXISTING.size(), lines.size()))
                .containsExactly("acme = " + UsersProperties.hash("s3cret-Password") + ",partner,partner-acme");
        assertThat(Files.readString(file())).doesNotContain("s3cret-Password");
        assertThat(users.has("acme")).isTrue();
        assertThat(users.rolesOf("acme")).containsExactly("partner", "partner-acme");
    }

    @Test
    void refusesAnExistingUser() throws Exception {
        Files.write(file(), EXISTING, StandardCharsets.UTF_8);
        UsersProperties users = new UsersProperties(file());

        assertThatThrownBy(() -> users.add("admin", "whatever", List.of("partner", "partner-admin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("id: 'admin' is already a user of Karaf's realm");
        assertThat(Files.readAllLines(file())).isEqualTo(EXISTING);
    }

    @Test
    void hasNeedsTheWholeNameNotAPrefixNorAComment() throws Exception {
        Files.write(file(), List.of("# acme = x,partner", "acme-foods = x,partner", " metro : y,partner"),
                StandardCharsets.UTF_8);
        UsersProperties users = new UsersProperties(file());

        assertThat(users.has("acme")).isFalse();
        assertThat(users.has("acme-foods")).isTrue();
        assertThat(users.has("metro")).isTrue();
        assertThat(users.rolesOf("acme")).isEmpty();
    }

    @Test
    void removeTakesOnlyThatUsersLine() throws Exception {
        Files.write(file(), EXISTING, StandardCharsets.UTF_8);
        UsersProperties users = new UsersProperties(file());
        users.add("acme", "pw-one", List.of("partner", "partner-acme"));
        users.add("acme-foods", "pw-two", List.of("partner", "partner-acme-foods"));

        assertThat(users.remove("acme")).isTrue();
        assertThat(users.remove("acme")).isFalse();

        List<String> lines = Files.readAllLines(file());
        assertThat(lines.subList(0, EXISTING.size())).isEqualTo(EXISTING);
        assertThat(lines.subList(EXISTING.size(), lines.size()))
                .containsExactly("acme-foods = " + UsersProperties.hash("pw-two") + ",partner,partner-acme-foods");
    }

    @Test
    void aMissingFileIsCreatedAndAnExistingFileKeepsItsPermissions() throws Exception {
        UsersProperties users = new UsersProperties(file());
        users.add("acme", "pw-one", List.of("partner", "partner-acme"));
        assertThat(Files.readAllLines(file())).hasSize(1);

        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
        users.add("metro", "pw-two", List.of("partner", "partner-metro"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void generatedPasswordsAreLongRandomAndSafeInTheFile() {
        String one = Passwords.generate();
        String two = Passwords.generate();

        assertThat(one).hasSize(32).matches("[A-Za-z0-9_-]+").isNotEqualTo(two);
    }
}
