package org.storelink.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {
    @TempDir
    Path etc;

    @Test
    void hashIsUppercaseHexSha256BetweenCryptMarkers() {
        // SHA-256("abc"), the FIPS 180-2 example
        assertThat(UsersFile.hash("abc")).isEqualTo(
                "{CRYPT}BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD{CRYPT}");
    }

    @Test
    void missingFileHasNoUsersAndIsCreatedByPut() throws Exception {
        Path file = etc.resolve("users.properties");
        UsersFile users = new UsersFile(file);

        assertThat(users.has("alice")).isFalse();
        users.put("alice", "secret", "viewer");

        assertThat(users.has("alice")).isTrue();
        assertThat(Files.readAllLines(file)).containsExactly("alice = " + UsersFile.hash("secret") + ",viewer");
    }

    @Test
    void hasRecognisesEitherSeparatorAndLeadingSpaceButNotCommentsOrLongerNames() throws Exception {
        Path file = etc.resolve("users.properties");
        Files.write(file, List.of("  bob: x,viewer", "#carol = x,viewer", "daveX = x,viewer", "erin=x,viewer"),
                StandardCharsets.UTF_8);
        UsersFile users = new UsersFile(file);

        assertThat(users.has("bob")).isTrue();
        assertThat(users.has("erin")).isTrue();
        assertThat(users.has("carol")).isFalse();
        assertThat(users.has("dave")).isFalse();
    }

    @Test
    void putReplacesAnExistingUserInPlace() throws Exception {
        Path file = etc.resolve("users.properties");
        Files.write(file, List.of("# head", "bob = old,viewer", "# tail"), StandardCharsets.UTF_8);

        new UsersFile(file).put("bob", "new-password", "manager");

        assertThat(Files.readAllLines(file)).containsExactly(
                "# head", "bob = " + UsersFile.hash("new-password") + ",manager", "# tail");
    }

    @Test
    void passwordsWithCommasOrBlankValuesAreRefused() {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));

        assertThatThrownBy(() -> users.put("bob", "a,b", "viewer")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.put("bob", " ", "viewer")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.put(" ", "secret", "viewer")).isInstanceOf(IllegalArgumentException.class);
        assertThat(etc.resolve("users.properties")).doesNotExist();
    }
}
