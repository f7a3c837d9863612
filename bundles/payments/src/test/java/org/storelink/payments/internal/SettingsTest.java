package org.storelink.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static String publicKeyBase64(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    @Test
    void anAlipayAppAcceptsBase64OrPemAndListsSellers(@TempDir Path dir) throws Exception {
        String base64 = publicKeyBase64(2048);
        Path pem = dir.resolve("alipay.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64.replaceAll("(.{64})", "$1\n")
                + "\n-----END PUBLIC KEY-----\n");

        AlipayApp fromText = AlipayApp.parse("2021000000000001", base64, "",
                new String[] {"2088000000000001=sh-1, 2088000000000002=sh-2"}, "Asia/Shanghai", "");
        AlipayApp fromFile = AlipayApp.parse("2021000000000001", "", pem.toString(),
                new String[] {"2088000000000001=sh-1"}, "Asia/Shanghai", "age");

        assertThat(fromText.storeBySeller()).containsOnly(Map.entry("2088000000000001", "sh-1"),
                Map.entry("2088000000000002", "sh-2"));
        assertThat(fromFile.publicKey()).isEqualTo(fromText.publicKey());
        assertThat(fromFile.ageBandParameter()).contains("age");
    }

    @Test
    void anInvalidAlipayAppIsRefusedNamingEveryKey() {
        assertThatThrownBy(() -> AlipayApp.parse("app", "not a key!", "", new String[] {"2088=x", "oops"},
                "Mars/Olympus", "bad name!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.storelink.payments.alipay")
                .hasMessageContaining("app.id:")
                .hasMessageContaining("alipay.public.key:")
                .hasMessageContaining("sellers[0]:")
                .hasMessageContaining("sellers[1]:")
                .hasMessageContaining("zone:")
                .hasMessageContaining("age.band.parameter:");
    }

    @Test
    void anAlipayKeyMustBeGivenOnceAndStrongEnough() throws Exception {
        String weak = publicKeyBase64(1024);
        assertThatThrownBy(() -> AlipayApp.parse("2021000000000001", "", "", new String[] {"2088000000000001=s"},
                "Asia/Shanghai", "")).hasMessageContaining("alipay.public.key: give either");
        assertThatThrownBy(() -> AlipayApp.parse("2021000000000001", weak, "", new String[] {"2088000000000001=s"},
                "Asia/Shanghai", "")).hasMessageContaining("at least 2048");
        assertThatThrownBy(() -> AlipayApp.parse("2021000000000001", "", "/nonexistent/key.pem",
                new String[] {"2088000000000001=s"}, "Asia/Shanghai", ""))
                .hasMessageContaining("alipay.public.key.file: cannot read");
    }

    @Test
    void anInvalidWechatMerchantIsRefusedNamingEveryKeyWithoutTheApiKey() {
        String secret = "short-secret-key";
        assertThatThrownBy(() -> WechatMerchant.parse("mch", secret + "x", Map.of(), new String[] {"1=s"}, 5,
                List.of("platform.certificates: at least one PEM file is required")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.storelink.payments.wechat")
                .hasMessageContaining("mch.id:")
                .hasMessageContaining("api.v3.key:")
                .hasMessageContaining("merchants[0]:")
                .hasMessageContaining("max.skew.seconds:")
                .hasMessageContaining("platform.certificates:")
                .hasMessageNotContaining(secret);
    }

    @Test
    void aWechatMerchantKeepsItsKeyOutOfItsDescription() {
        WechatMerchant merchant = WechatMerchant.parse("1900000001", "0123456789abcdefghijklmnopqrstuv",
                Map.of(BigInteger.TEN, new java.security.PublicKey() {
                    @Override
                    public String getAlgorithm() {
                        return "RSA";
                    }

                    @Override
                    public String getFormat() {
                        return null;
                    }

                    @Override
                    public byte[] getEncoded() {
                        return new byte[0];
                    }
                }), new String[] {"1900000001=sh-1,1900000109=sh-2"}, 300, List.of());

        assertThat(merchant.toString()).doesNotContain("0123456789abcdef").contains("A");
        assertThat(merchant.store("1900000109")).contains("sh-2");
        assertThat(merchant.apiV3Key()).hasSize(32);
    }

    @Test
    void missingCertificateFilesAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> WechatMerchant.from(SampleConformanceTest.wechatConfig("1900000001",
                "0123456789abcdefghijklmnopqrstuv", dir.resolve("missing.pem").toString(), "1900000001=sh-1")))
                .hasMessageContaining("platform.certificates[0]: cannot read");
    }
}
