package org.storelink.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.PaymentProvider;

class PseudonymsTest {

    @Test
    void aKeyIsGeneratedOnceOwnerOnlyAndReused(@TempDir Path data) throws Exception {
        Path file = data.resolve("storelink").resolve("pseudonym.key");

        String first = Pseudonyms.load("", file).payerRef(PaymentProvider.ALIPAY, "2088102534368455");
        String again = Pseudonyms.load(null, file).payerRef(PaymentProvider.ALIPAY, "2088102534368455");

        assertThat(first).isEqualTo(again);
        assertThat(Files.readString(file).strip()).hasSize(64);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aConfiguredKeyWinsAndTheFileIsNotCreated(@TempDir Path data) throws Exception {
        Path file = data.resolve("pseudonym.key");
        Pseudonyms configured = Pseudonyms.load("a-configured-key-of-at-least-32-chars", file);

        assertThat(Files.exists(file)).isFalse();
        assertThat(configured.payerRef(PaymentProvider.WECHAT, "o1"))
                .isNotEqualTo(Pseudonyms.load("another-configured-key-of-32-chars!", file)
                        .payerRef(PaymentProvider.WECHAT, "o1"));
        assertThatThrownBy(() -> Pseudonyms.load("too short", file)).hasMessageContaining("pseudonym.key");
    }

    @Test
    void referencesArePrefixedByProviderAndNeverCollideAcrossProviders() {
        Pseudonyms pseudonyms = new Pseudonyms(new byte[32]);

        String alipay = pseudonyms.payerRef(PaymentProvider.ALIPAY, "same-id");
        String wechat = pseudonyms.payerRef(PaymentProvider.WECHAT, "same-id");

        assertThat(alipay).matches("alipay:[0-9a-f]{64}");
        assertThat(wechat).matches("wechat:[0-9a-f]{64}");
        assertThat(alipay.substring(7)).isNotEqualTo(wechat.substring(7));
        assertThat(pseudonyms.payerRef(PaymentProvider.ALIPAY, null)).isNull();
        assertThat(pseudonyms.payerRef(PaymentProvider.ALIPAY, " ")).isNull();
    }
}
