package org.storelink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSecretsTest {

    @Test
    void makesTheInstallationKeyOnceOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("storelink").resolve("demo.key");
        byte[] key = StoreSecrets.loadOrCreateKey(file);

        assertThat(key).hasSize(StoreSecrets.KEY_BYTES);
        assertThat(StoreSecrets.loadOrCreateKey(file)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(StoreSecrets.loadOrCreateKey(dir.resolve("other.key"))).isNotEqualTo(key);

        Files.write(file, new byte[3]);
        assertThatThrownBy(() -> StoreSecrets.loadOrCreateKey(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a demo key");
    }

    @Test
    void secretsDependOnKeySeedAndStore() {
        byte[] key = new byte[32];
        StoreSecrets secrets = new StoreSecrets(key, 1);

        assertThat(secrets.secret("demo-east-0001")).hasSize(64).matches("[0-9a-f]+")
                .isEqualTo(new StoreSecrets(key.clone(), 1).secret("demo-east-0001"))
                .isNotEqualTo(secrets.secret("demo-east-0002"))
                .isNotEqualTo(new StoreSecrets(key, 2).secret("demo-east-0001"));
        key[0] = 1;
        assertThat(new StoreSecrets(key, 1).secret("demo-east-0001")).isNotEqualTo(secrets.secret("demo-east-0001"));
    }

    @Test
    void signsLikeTheReadmesOpensslExample() {
        // printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac demo-secret-sh-campus-001
        assertThat(StoreSecrets.signature("demo-secret-sh-campus-001", "{\"a\":1}".getBytes()))
                .isEqualTo("sha256=" + OPENSSL);
    }

    private static final String OPENSSL = "8414c2b750e7b96bb5cb284b9b8e4ddbba97029d92c2d09a389bee3825300d60";
}
